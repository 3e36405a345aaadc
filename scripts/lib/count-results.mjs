// Prints "passed failed" from a vitest or playwright JSON report.
import { readFileSync } from 'node:fs'

const [kind, file] = process.argv.slice(2)
const report = JSON.parse(readFileSync(file, 'utf8'))
if (kind === 'vitest') {
  console.log(`${report.numPassedTests ?? 0} ${(report.numFailedTests ?? 0) + (report.numRuntimeErrors ?? 0)}`)
} else {
  const stats = report.stats ?? {}
  console.log(`${(stats.expected ?? 0) + (stats.flaky ?? 0)} ${(stats.unexpected ?? 0) + (report.errors?.length ?? 0)}`)
}
