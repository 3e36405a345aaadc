import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import pino, { type DestinationStream, type Logger, type StreamEntry } from 'pino'
import pretty from 'pino-pretty'
import { logConfigFromEnv, type LogConfig } from './log-config'
import { rememberSecret, scrubSecrets } from './scrub-secrets'

/** Field paths that may hold a secret in a logged object; pino blanks them before writing. */
const REDACT_PATHS = ['password', '*.password', '*.*.password', 'tlsSettings.keyFile', '*.tlsSettings.keyFile', 'token', '*.token']

/** Every line passes through scrubSecrets on its way out, whatever produced it. */
function scrubbed(destination: DestinationStream): DestinationStream {
  return { write: (line: string) => destination.write(scrubSecrets(line)) }
}

function streams(config: LogConfig, terminal: DestinationStream): StreamEntry[] {
  const entries: StreamEntry[] = [{ level: config.level, stream: scrubbed(terminal) }]
  if (config.dir) {
    mkdirSync(config.dir, { recursive: true })
    // Synchronous writes: low volume (no line per hop), and nothing lost when a process exits at once.
    const file = (name: string) => pino.destination({ dest: join(config.dir as string, name), sync: true, mkdir: true })
    entries.push({ level: 'debug', stream: scrubbed(file(config.debugFile)) })
    entries.push({ level: 'info', stream: scrubbed(file(config.infoFile)) })
  }
  return entries
}

/** Readable lines on stderr (stdout stays the CLI's answer); JSON lines in LOG_DIR's files. */
export function createLogger(config: LogConfig, terminal?: DestinationStream): Logger {
  const out = terminal ?? pretty({ destination: 2, sync: true, colorize: process.stderr.isTTY, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss.l' })
  return pino(
    { level: config.level, base: { pid: process.pid }, redact: { paths: REDACT_PATHS, censor: '***' } },
    pino.multistream(streams(config, out), { dedupe: false }),
  )
}

let root: Logger | null = null

/** The process's one logger, built from LOG_* on first use; a bad LOG_LEVEL falls back to info and says so. */
export function rootLogger(): Logger {
  if (root) return root
  try {
    root = createLogger(logConfigFromEnv())
  } catch (error) {
    root = createLogger({ level: 'info', debugFile: 'debug.log', infoFile: 'info.log' })
    root.warn(`${error instanceof Error ? error.message : String(error)}; logging at info`)
  }
  return root
}

/** A child logger for one part: runtime, inspector, host, app, cli. */
export function logger(part: string): Logger {
  return rootLogger().child({ part })
}

/** For tests and for the app after reading its settings: replaces the root logger. */
export function setRootLogger(next: Logger): void {
  root = next
}

export { rememberSecret }
export type { Logger }
