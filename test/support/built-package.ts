import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..')
export const BIN = join(REPO_ROOT, 'bin', 'switchyard.js')
/** What the build makes and what it is made from. */
const OUTPUTS = ['dist/cli.js', 'dist/sdk/index.js', 'dist/sdk/index.d.ts', 'dist/agents-hooks.js']
const INPUTS = ['src/main', 'src/shared', 'tsup.config.ts', 'package.json']

function newestMtime(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)))
  return newest
}

/** True when dist/ is missing or older than a source it is built from. */
export function packageBuildIsStale(): boolean {
  const outputs = OUTPUTS.map((o) => join(REPO_ROOT, o))
  if (!outputs.every((o) => existsSync(o))) return true
  const built = Math.min(...outputs.map((o) => statSync(o).mtimeMs))
  return INPUTS.some((i) => newestMtime(join(REPO_ROOT, i)) > built)
}

/** Builds dist/ (tsup, as `npm run build:cli`) once when it is stale; the tests then reuse it. */
export function ensurePackageBuilt(): void {
  if (!packageBuildIsStale()) return
  execFileSync('npx', ['tsup', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' })
}
