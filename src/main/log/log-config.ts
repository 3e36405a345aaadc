import { resolve } from 'node:path'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'fatal'

/** Seed 001's logging settings. */
export interface LogConfig {
  /** LOG_LEVEL (default info): the least severe level written anywhere. Python's names are accepted too. */
  level: LogLevel
  /** LOG_DIR: folder of the JSON-lines files; unset = terminal only. */
  dir?: string
  /** DEBUG_LOG_FILE (default debug.log, in LOG_DIR): every line from debug up. */
  debugFile: string
  /** INFO_LOG_FILE (default info.log, in LOG_DIR): info and up. */
  infoFile: string
}

const LEVEL_NAMES: Record<string, LogLevel> = {
  debug: 'debug',
  info: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  critical: 'fatal',
  fatal: 'fatal',
}

export function logConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LogConfig {
  const raw = env.LOG_LEVEL?.trim().toLowerCase() || 'info'
  const level = LEVEL_NAMES[raw]
  if (!level) throw new Error(`LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, got "${env.LOG_LEVEL}"`)
  const config: LogConfig = {
    level,
    debugFile: env.DEBUG_LOG_FILE?.trim() || 'debug.log',
    infoFile: env.INFO_LOG_FILE?.trim() || 'info.log',
  }
  const dir = env.LOG_DIR?.trim()
  if (dir) config.dir = resolve(dir)
  return config
}
