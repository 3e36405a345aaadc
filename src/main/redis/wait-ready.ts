import type { RedisClient } from './client-type'
import { describeConnectionError } from './connection-errors'

export interface WaitReadyOptions {
  /** Reject after this long with the last connection error; undefined waits for as long as it takes. */
  timeoutMs?: number
  /** Called once when the first answer is this late (timeoutMs absent): "still trying, because …". */
  onSlow?: (lastError: string) => void
  slowAfterMs?: number
  label: string
}

/**
 * Waits for a client's first 'ready'. A failure that retrying cannot fix (a
 * certificate, a handshake, a password) rejects at once with its reason, so
 * nothing hangs silently behind ioredis's quiet reconnects.
 */
export function waitForFirstReady(client: RedisClient, options: WaitReadyOptions): Promise<void> {
  if (client.status === 'ready') return Promise.resolve()
  return new Promise((resolve, reject) => {
    let lastError = 'no answer'
    const timers: NodeJS.Timeout[] = []
    const done = (error?: Error): void => {
      for (const timer of timers) clearTimeout(timer)
      client.off('ready', onReady)
      client.off('error', onError)
      client.off('end', onEnd)
      if (error) reject(error)
      else resolve()
    }
    const onReady = (): void => done()
    const onEnd = (): void => done(new Error(`connection to ${options.label} closed: ${lastError}`))
    const onError = (error: unknown): void => {
      const failure = describeConnectionError(error)
      lastError = failure.message
      if (failure.fatal) done(new Error(`cannot connect to ${options.label}: ${failure.message}`))
    }
    if (options.timeoutMs !== undefined) {
      const ms = options.timeoutMs
      timers.push(setTimeout(() => done(new Error(`cannot reach Redis at ${options.label} within ${ms} ms: ${lastError}`)), ms))
    } else if (options.onSlow) {
      const onSlow = options.onSlow
      timers.push(setTimeout(() => onSlow(lastError), options.slowAfterMs ?? 5_000))
    }
    client.on('ready', onReady)
    client.on('error', onError)
    client.on('end', onEnd)
  })
}
