import type { RedisClient } from '../../redis/client-type'
import type { Envelope } from '@shared/envelope'
import { decodeResult } from '../runtime-port'
import { isCluster } from '../../redis/client-type'
import { keySlot } from '../../redis/key-slot'

/** BRPOP is capped so new waiters join (and deadlines pass) within this time even without CLIENT UNBLOCK. */
export const WAITER_BLOCK_MS = 1_000
/** The connection is released after this long with nobody waiting. */
export const WAITER_IDLE_MS = 5_000
/**
 * On a Cluster one BRPOP may only name lists of one slot: the slots waited on
 * take turns, each blocking this long at most, so every list is looked at
 * within (slots × this) and a new waiter joins within it (no CLIENT UNBLOCK:
 * it would reach a random node).
 */
export const CLUSTER_TURN_MS = 100
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
  private blocking: RedisClient | null = null
  private blockingId: number | null = null
  private loop: Promise<void> = Promise.resolve()
  /** Set and cleared synchronously with the loop's own condition, so no waiter is left unserved. */
  private running = false
  private idleTimer: NodeJS.Timeout | null = null
  private closed = false
  /** Cluster only: which slot's lists the next BRPOP names. */
  private turn = 0

  constructor(
    private readonly redis: RedisClient,
    private readonly createBlockingClient: () => RedisClient,
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
    if (isCluster(this.redis)) return // the turn ends within CLUSTER_TURN_MS
    if (this.blockingId !== null) void this.redis.client('UNBLOCK', this.blockingId, 'TIMEOUT').catch(() => undefined)
  }

  private connection(): RedisClient {
    if (this.blocking) return this.blocking
    const client = this.createBlockingClient()
    this.blocking = client
    if (isCluster(client)) return client
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
      const [lists, capMs] = this.listsThisTurn()
      const blockMs = Math.max(10, Math.min(capMs, nearest - Date.now()))
      try {
        const reply = await this.connection().brpop(lists, blockMs / 1000)
        if (reply) this.deliver(reply[0], reply[1])
      } catch {
        if (!this.closed) await new Promise((r) => setTimeout(r, RETRY_MS))
      }
    }
    this.running = false
    if (!this.closed) this.idleTimer = setTimeout(() => this.release(), WAITER_IDLE_MS)
  }

  /** Every open list on one server; on a Cluster the lists of one slot, the slots in turn. */
  private listsThisTurn(): [string[], number] {
    const lists = [...this.byList.keys()]
    if (!isCluster(this.redis)) return [lists, WAITER_BLOCK_MS]
    const bySlot = new Map<number, string[]>()
    for (const list of lists) bySlot.set(keySlot(list), [...(bySlot.get(keySlot(list)) ?? []), list])
    const groups = [...bySlot.values()]
    this.turn = (this.turn + 1) % groups.length
    return [groups[this.turn] ?? lists, CLUSTER_TURN_MS]
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
