// Clean exit of a CLI process on SIGINT/SIGTERM, with a hard limit.
/** Hard stop if a clean shutdown hangs anyway (agents 2 s + Redis 1 s + stats, with room). */
export const SHUTDOWN_HARD_LIMIT_MS = 5_000

/**
 * SIGINT/SIGTERM: run `close` once (stop agents, close Redis, final
 * statistics), then exit; a second signal or a hung close still ends the process.
 */
export function exitCleanlyOnSignals(close: () => Promise<void>, log: (line: string) => void = () => undefined): void {
  let shuttingDown = false
  const onSignal = (signal: NodeJS.Signals): void => {
    if (shuttingDown) process.exit(1)
    shuttingDown = true
    log(`${signal}, stopping`)
    setTimeout(() => process.exit(1), SHUTDOWN_HARD_LIMIT_MS).unref()
    close().then(
      () => process.exit(signal === 'SIGINT' ? 130 : 0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
}
