import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * The headless host's data folder: SWITCHYARD_DATA_DIR, else the XDG data
 * folder. (The desktop app uses Electron's userData folder instead.)
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SWITCHYARD_DATA_DIR?.trim()) return env.SWITCHYARD_DATA_DIR
  const xdg = env.XDG_DATA_HOME?.trim() || join(homedir(), '.local', 'share')
  return join(xdg, 'switchyard')
}
