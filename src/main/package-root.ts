import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The folder of Switchyard's own package.json, found by walking up from this
 * module: the same answer from the sources (src/main), the CLI bundle
 * (dist/) and the Electron bundle (out/main).
 */
export function packageRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from))
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && isSwitchyard(manifest)) return dir
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`no package.json of switchyard above ${fileURLToPath(from)}`)
    dir = parent
  }
}

function isSwitchyard(manifest: string): boolean {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'switchyard'
  } catch {
    return false
  }
}
