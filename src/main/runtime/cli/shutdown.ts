// Clean exit of a CLI process on SIGINT/SIGTERM, with a hard limit.
/** Hard stop if a clean shutdown hangs anyway (agents 2 s + Redis 1 s + stats, with room). */
export const SHUTDOWN_HARD_LIMIT_MS = 5_000
/** How often a process started by npx checks that its launcher is still there. */
export const LAUNCHER_CHECK_MS = 250

/**
 * SIGINT/SIGTERM: run `close` once (stop agents, close Redis, final
 * statistics), then exit; a second signal or a hung close still ends the process.
 * Started by `npx` (npm exec), the signal goes to npm, which passes it to a
 * shell that dies without passing it on: this process is left re-parented.
 * So under npx, the launcher going away counts as SIGTERM.
 */
export function exitCleanlyOnSignals(close: () => Promise<void>, log: (line: string) => void = () => undefined): void {
  let shuttingDown = false
  const stop = (reason: string, code: number): void => {
    if (shuttingDown) process.exit(1)
    shuttingDown = true
    log(`${reason}, stopping`)
    setTimeout(() => process.exit(1), SHUTDOWN_HARD_LIMIT_MS).unref()
    close().then(
      () => process.exit(code),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', () => stop('SIGINT', 130))
  process.on('SIGTERM', () => stop('SIGTERM', 0))
  if (process.env.npm_command === 'exec') followLauncher(() => stop('launcher (npx) ended', 0))
}

function followLauncher(onGone: () => void): void {
  const launcher = process.ppid
  const timer = setInterval(() => {
    if (process.ppid === launcher) return
    clearInterval(timer)
    onGone()
  }, LAUNCHER_CHECK_MS)
  timer.unref()
}
