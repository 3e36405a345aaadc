// Registering the agents-module hooks once per folder.
import { existsSync } from 'node:fs'
import { register } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { packageRoot } from '../../package-root'

/** Folders whose hooks are registered already: one registration per folder, for the life of the process. */
const registered = new Set<string>()

/** The built hooks file (dist/agents-hooks.js); null when this checkout is not built. */
export function hooksFile(): string | null {
  const file = join(packageRoot(), 'dist', 'agents-hooks.js')
  return existsSync(file) ? file : null
}

/**
 * Registers the agents hooks for one folder: its TypeScript files load with
 * their types stripped, and a reload re-reads its files. Only that folder:
 * nothing else this process imports is touched.
 */
export function registerAgentsHooks(folder: string): boolean {
  const scope = pathToFileURL(folder.endsWith('/') ? folder : `${folder}/`).href
  if (registered.has(scope)) return true
  const file = hooksFile()
  if (!file) return false
  register(pathToFileURL(file).href, { data: { scope } })
  registered.add(scope)
  return true
}
