// Keeps entries claimed while a slow process() still works on them.
import { isCluster, type RedisClient } from '../../redis/client-type'
import type { ReceivedEntry } from '../reader/stream-entry'

/**
 * While an agent is still working on entries, it re-claims them for itself
 * (XCLAIM ... JUSTID: resets the idle time, not the delivery count), so a
 * slow process() is never mistaken for a crash and handed to a second
 * instance. Renews every third of claimIdleMs, on one timer for the agent's
 * life (not one per entry: timers per hop are garbage at high rates). An
 * entry held longer than maxHoldMs (its handler was given up) is no longer
 * renewed: it goes idle and the sweeper claims it, then dead-letters it.
 */
export class ClaimKeeper {
  private readonly inFlight = new Map<string, { entry: ReceivedEntry; sinceMs: number }>()
  private timer: NodeJS.Timeout | null

  constructor(
    private readonly redis: () => RedisClient,
    private readonly consumer: () => string,
    private readonly claimIdleMs: number,
    private readonly maxHoldMs: number = Number.POSITIVE_INFINITY,
  ) {
    this.timer = setInterval(() => void this.renew(), Math.max(50, Math.floor(claimIdleMs / 3)))
    this.timer.unref()
  }

  /** Entries renewed now (tests check an abandoned one leaves this). */
  get held(): number {
    return this.inFlight.size
  }

  track(entry: ReceivedEntry): void {
    this.inFlight.set(`${entry.stream}\u0000${entry.id}`, { entry, sinceMs: Date.now() })
  }

  release(entry: ReceivedEntry): void {
    this.inFlight.delete(`${entry.stream}\u0000${entry.id}`)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.inFlight.clear()
  }

  private async renew(): Promise<void> {
    if (this.inFlight.size === 0) return
    const now = Date.now()
    const due = now - this.claimIdleMs / 3
    const claims: Array<Array<string | number>> = []
    for (const [key, { entry, sinceMs }] of this.inFlight) {
      if (now - sinceMs > this.maxHoldMs) {
        this.inFlight.delete(key)
        continue
      }
      if (sinceMs > due) continue
      claims.push([entry.stream, entry.group, this.consumer(), 0, entry.id, 'JUSTID'])
    }
    if (claims.length === 0) return
    const redis = this.redis()
    // Best effort: the next renewal retries. On a Cluster each stream's claim goes to its own slot (no pipeline across slots).
    if (isCluster(redis)) {
      await Promise.all(claims.map((args) => redis.call('XCLAIM', args).catch(() => undefined)))
      return
    }
    const pipeline = redis.pipeline()
    for (const args of claims) pipeline.call('XCLAIM', args)
    await pipeline.exec().catch(() => undefined)
  }
}
