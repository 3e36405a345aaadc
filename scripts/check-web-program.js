// The renderer's typecheck must not see Node: if any file of the web program
// pulls in @types/node or src/main (an import of the main side, even a
// dynamic one), `process` and `Buffer` would type-check in the renderer.
import { execFileSync } from 'node:child_process'
import { relative, sep } from 'node:path'

const listed = execFileSync('npx', ['tsc', '-p', 'tsconfig.web.json', '--composite', 'false', '--listFilesOnly'], { encoding: 'utf8' })
const root = process.cwd()
const leaks = listed
  .split('\n')
  .filter(Boolean)
  .map((file) => relative(root, file).split(sep).join('/'))
  .filter((file) => file.includes('node_modules/@types/node/') || file.startsWith('src/main/') || file.includes('node_modules/electron/'))
if (leaks.length > 0) {
  console.error(`tsconfig.web.json: the renderer's program includes Node-side files (so process/Buffer would type-check):\n  ${leaks.slice(0, 10).join('\n  ')}`)
  process.exit(1)
}
