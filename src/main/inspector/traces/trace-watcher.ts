import type { RedisClient } from '../../redis/client-type'
import type { Trace } from '@shared/api'
import { journalIndexOfMessage } from '@shared/keys'
import { HandlerError } from '@shared/result'
import { readTrace } from './find-traces'
import { resultListOf } from '@shared/envelope'
import { execKeyed, type KeyedCommand } from '../cluster/keyed-batch'

const journaledHops = (trace: Trace | null): number => trace?.hops.filter((h) => !h.rebuilt).length ?? 0

/** Traces watched at once. */
export const MAX_TRACE_WATCHES = 32
/** A watch ends by itself after this long, so a forgotten one does not poll forever. */
export const TRACE_WATCH_MAX_MS = 10 * 60_000

interface Watch {
  hops: number
  sinceMs: number
  /** The message's result list: an agent that keeps no journal may be the one that fills it. */
  resultList: string | null
}

/**
 * Polls the journal index (LLEN, cheap) of each watched message and pushes
 * the whole trace when it gained hops, or when its result list filled (the
 * last hop may be by an agent that keeps no journal); a completed trace stops being watched.
 */
export class TraceWatcher {
  private readonly watches = new Map<string, Watch>()
  private timer: NodeJS.Timeout | null = null
  private polling = false

  constructor(
    private readonly redis: RedisClient,
    private readonly push: (trace: Trace) => void,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  async watch(messageId: string): Promise<Trace | null> {
    if (!this.watches.has(messageId) && this.watches.size >= MAX_TRACE_WATCHES) {
      throw new HandlerError('conflict', `at most ${MAX_TRACE_WATCHES} traces are watched at once; unwatch one first`)
    }
    const trace = await readTrace(this.redis, messageId)
    if (!trace?.complete) {
      const last = trace?.hops.at(-1)?.envelope
      this.watches.set(messageId, { hops: journaledHops(trace), sinceMs: Date.now(), resultList: last ? resultListOf(last) : null })
      this.timer ??= setInterval(() => void this.poll(), this.pollMs)
    }
    return trace
  }

  unwatch(messageId: string): null {
    this.watches.delete(messageId)
    if (this.watches.size === 0) this.stop()
    return null
  }

  stop(): void {
    this.watches.clear()
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  private async poll(): Promise<void> {
    if (this.polling) return
    this.polling = true
    try {
      const ids = [...this.watches.keys()]
      const lengthOf = (key: string): KeyedCommand => ({ key, add: (p) => p.llen(key) })
      // Keyed: on a Cluster each list's LLEN goes to the master that owns it.
      const lengths = await execKeyed(
        this.redis,
        ids.flatMap((id) => [lengthOf(journalIndexOfMessage(id)), lengthOf(this.watches.get(id)?.resultList ?? journalIndexOfMessage(id))]),
      )
      for (const [i, id] of ids.entries()) {
        const watch = this.watches.get(id)
        const length = Number(lengths[2 * i]?.[1] ?? 0)
        const resultWaiting = watch?.resultList ? Number(lengths[2 * i + 1]?.[1] ?? 0) > 0 : false
        if (!watch) continue
        if (Date.now() - watch.sinceMs > TRACE_WATCH_MAX_MS) this.watches.delete(id)
        if (length <= watch.hops && !resultWaiting) continue
        const trace = await readTrace(this.redis, id)
        if (!trace || !this.watches.has(id)) continue
        if (length <= watch.hops && !trace.complete) continue // someone else's result on the list
        watch.hops = length
        const last = trace.hops.at(-1)?.envelope
        if (last) watch.resultList = resultListOf(last)
        this.push(trace)
        if (trace.complete) this.watches.delete(id)
      }
      if (this.watches.size === 0) this.stop()
    } catch (error) {
      this.onError(error)
    } finally {
      this.polling = false
    }
  }
}
