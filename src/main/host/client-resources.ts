import type { Topic } from '@shared/api'
import { fail, type Result } from '@shared/result'
import type { Dispatch } from '../api/dispatch'

/**
 * Trace watches are shared by message id in the inspector; this counts the
 * clients that asked for each, so one client's leaving ends only its share.
 */
export class WatchCounts {
  private readonly counts = new Map<string, number>()
  add(messageId: string): void {
    this.counts.set(messageId, (this.counts.get(messageId) ?? 0) + 1)
  }
  /** True when no client watches it any more. */
  remove(messageId: string): boolean {
    const left = (this.counts.get(messageId) ?? 1) - 1
    if (left > 0) this.counts.set(messageId, left)
    else this.counts.delete(messageId)
    return left <= 0
  }
}

/**
 * What one client (a socket, a window) opened: its live tails and trace
 * watches. Pushes of those topics go only to their owner, a client may stop
 * only its own, and `release()` ends them all when the client goes away.
 */
export class ClientResources {
  private readonly tails = new Set<string>()
  private readonly watches = new Set<string>()
  private released = false

  constructor(
    private readonly dispatch: Dispatch,
    private readonly watchCounts: WatchCounts,
  ) {}

  /** Dispatches one request on this client's behalf, recording what it opens. */
  async call(method: unknown, args: unknown): Promise<Result<unknown>> {
    const a = (args ?? {}) as Record<string, unknown>
    if (method === 'streams.tail.stop' && typeof a.tailId === 'string' && !this.tails.has(a.tailId)) {
      return fail('not_found', `no live tail ${a.tailId} opened by this client`)
    }
    if (method === 'traces.unwatch' && typeof a.messageId === 'string') {
      if (!this.watches.delete(a.messageId)) return { ok: true, value: null }
      if (!this.watchCounts.remove(a.messageId)) return { ok: true, value: null }
    }
    const result = await this.dispatch(method, args)
    if (!result.ok) return result
    if (method === 'streams.tail.start') {
      const tailId = (result.value as { tailId: string }).tailId
      // The client left while its tail was starting: stop it at once.
      if (this.released) void this.dispatch('streams.tail.stop', { tailId })
      else this.tails.add(tailId)
    } else if (method === 'streams.tail.stop') {
      this.tails.delete(a.tailId as string)
    } else if (method === 'traces.watch' && typeof a.messageId === 'string' && !this.watches.has(a.messageId)) {
      this.watches.add(a.messageId)
      this.watchCounts.add(a.messageId)
      if (this.released) this.releaseWatch(a.messageId)
    }
    return result
  }

  /** Whether an event belongs on this client: tails and traces only to whoever opened them. */
  wants(topic: Topic, payload: unknown): boolean {
    if (topic === 'tail') return this.tails.has((payload as { tailId?: string }).tailId ?? '')
    if (topic === 'trace') return this.watches.has((payload as { messageId?: string }).messageId ?? '')
    return true
  }

  get openTails(): number {
    return this.tails.size
  }

  /** Stops every tail and drops every watch share of this client. */
  async release(): Promise<void> {
    this.released = true
    const tails = [...this.tails]
    this.tails.clear()
    for (const messageId of [...this.watches]) this.releaseWatch(messageId)
    await Promise.all(tails.map((tailId) => this.dispatch('streams.tail.stop', { tailId })))
  }

  private releaseWatch(messageId: string): void {
    this.watches.delete(messageId)
    if (this.watchCounts.remove(messageId)) void this.dispatch('traces.unwatch', { messageId })
  }
}
