import type { Redis } from 'ioredis'
import type { Envelope } from '@shared/envelope'
import { decodeResult } from '../runtime-port'

/** BRPOP is capped so new waiters join (and deadlines pass) within this time even without CLIENT UNBLOCK. */
export const WAITER_BLOCK_MS = 1_000
/** The connection is released after this long with nobody waiting. */
export const WAITER_IDLE_MS = 5_000
/** Pause after a connection error before blocking again. */
const RETRY_MS = 250

interface Waiter {
  messageId: string
  deadline: number
  resolve: (env: Envelope | null) => void
}

/**
 * One connection and one BRPOP loop for every "inject and wait" call at once:
 * each waits on its result list, the loop blocks on all open lists together
 * and hands each result to the waiter of its message_id. 60 concurrent calls
 * cost one connection, not 60. A waiter joining while the loop blocks wakes
 * it with CLIENT UNBLOCK on the command connection.
 */
export class ResultWaiter {
  private readonly byList = new Map<string, Waiter[]>()
  private blocking: Redis | null = null
  private blockingId: number | null = null
  private loop: Promise<void> = Promise.resolve()
  /** Set and cleared synchronously with the loop's own condition, so no waiter is left unserved. */
  private running = false
  private idleTimer: NodeJS.Timeout | null = null
  private closed = false

  constructor(
    private readonly redis: Redis,
    private readonly createBlockingClient: () => Redis,
  ) {}

  /** Waiting calls right now (for tests and bounds). */
  get size(): number {
    let n = 0
    for (const list of this.byList.values()) n += list.length
    return n
  }

  /** Resolves with the result envelope of messageId on resultList, or null after waitMs. */
  wait(resultList: string, messageId: string, waitMs: number): Promise<Envelope | null> {
    if (this.closed) return Promise.resolve(null)
    return new Promise((resolve) => {
      const list = this.byList.get(resultList) ?? []
      list.push({ messageId, deadline: Date.now() + waitMs, resolve })
      this.byList.set(resultList, list)
      if (this.idleTimer) clearTimeout(this.idleTimer)
      this.idleTimer = null
      if (this.running) return this.wake()
      this.running = true
      this.loop = this.run()
    })
  }

  private wake(): void {
    if (this.blockingId !== null) void this.redis.client('UNBLOCK', this.blockingId, 'TIMEOUT').catch(() => undefined)
  }

  private connection(): Redis {
    if (this.blocking) return this.blocking
    const client = this.createBlockingClient()
    this.blocking = client
    client.on('ready', () => {
      // Sent before the next BRPOP on this connection, so the id is the one that blocks.
      void client.client('ID').then((id) => this.blocking === client && (this.blockingId = Number(id)), () => undefined)
    })
    return client
  }

  private async run(): Promise<void> {
    while (!this.closed && this.byList.size > 0) {
      this.expire()
      if (this.byList.size === 0) break
      const nearest = Math.min(...[...this.byList.values()].flat().map((w) => w.deadline))
      const blockMs = Math.max(10, Math.min(WAITER_BLOCK_MS, nearest - Date.now()))
      try {
        const reply = await this.connection().brpop([...this.byList.keys()], blockMs / 1000)
        if (reply) this.deliver(reply[0], reply[1])
      } catch {
        if (!this.closed) await new Promise((r) => setTimeout(r, RETRY_MS))
      }
    }
    this.running = false
    if (!this.closed) this.idleTimer = setTimeout(() => this.release(), WAITER_IDLE_MS)
  }

  /** A result that does not decode, or names nobody, answers the list's oldest waiter with null. */
  private deliver(list: string, text: string): void {
    const waiters = this.byList.get(list)
    if (!waiters?.length) return
    let env: Envelope | null = null
    try {
      env = decodeResult(text)
    } catch {
      // not an envelope
    }
    const at = env ? waiters.findIndex((w) => w.messageId === env.message_id) : 0
    if (at < 0) return
    const [waiter] = waiters.splice(at, 1)
    if (waiters.length === 0) this.byList.delete(list)
    waiter?.resolve(env)
  }

  private expire(): void {
    const now = Date.now()
    for (const [list, waiters] of this.byList) {
      const left = waiters.filter((w) => w.deadline > now)
      for (const w of waiters) if (w.deadline <= now) w.resolve(null)
      if (left.length) this.byList.set(list, left)
      else this.byList.delete(list)
    }
  }

  private release(): void {
    this.idleTimer = null
    if (this.byList.size > 0 || !this.blocking) return
    this.blocking.disconnect()
    this.blocking = null
    this.blockingId = null
  }

  /** Every waiter gets null; the connection is closed. */
  async close(): Promise<void> {
    this.closed = true
    if (this.idleTimer) clearTimeout(this.idleTimer)
    for (const waiters of this.byList.values()) for (const w of waiters) w.resolve(null)
    this.byList.clear()
    this.blocking?.disconnect()
    this.blocking = null
    await this.loop.catch(() => undefined)
  }
}
