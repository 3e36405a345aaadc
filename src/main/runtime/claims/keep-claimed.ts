// Keeps entries claimed while a slow process() still works on them.
import type { Redis } from 'ioredis'
import type { ReceivedEntry } from '../reader/stream-entry'

/**
 * While an agent is still working on entries, it re-claims them for itself
 * (XCLAIM ... JUSTID: resets the idle time, not the delivery count), so a
 * slow process() is never mistaken for a crash and handed to a second
 * instance. Renews every third of claimIdleMs, on one timer for the agent's
 * life (not one per batch: timers per hop are garbage at high rates).
 */
export class ClaimKeeper {
  private readonly inFlight = new Map<string, { entry: ReceivedEntry; sinceMs: number }>()
  private timer: NodeJS.Timeout | null

  constructor(
    private readonly redis: () => Redis,
    private readonly consumer: () => string,
    private readonly claimIdleMs: number,
  ) {
    this.timer = setInterval(() => void this.renew(), Math.max(50, Math.floor(claimIdleMs / 3)))
    this.timer.unref()
  }

  track(entries: ReceivedEntry[]): void {
    const now = Date.now()
    for (const entry of entries) this.inFlight.set(`${entry.stream}\u0000${entry.id}`, { entry, sinceMs: now })
  }

  release(entries: ReceivedEntry[]): void {
    for (const entry of entries) this.inFlight.delete(`${entry.stream}\u0000${entry.id}`)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  private async renew(): Promise<void> {
    if (this.inFlight.size === 0) return
    const due = Date.now() - this.claimIdleMs / 3
    const pipeline = this.redis().pipeline()
    let count = 0
    for (const { entry, sinceMs } of this.inFlight.values()) {
      if (sinceMs > due) continue
      pipeline.call('XCLAIM', [entry.stream, entry.group, this.consumer(), 0, entry.id, 'JUSTID'])
      count += 1
    }
    if (count > 0) await pipeline.exec().catch(() => undefined) // best effort: the next renewal retries
  }
}
