import type { Redis } from 'ioredis'
import type { Trace } from '../../../shared/api'
import { journalIndexOfMessage } from '../../../shared/keys'
import { HandlerError } from '../../../shared/result'
import { readTrace } from './find-traces'

/** Traces watched at once. */
export const MAX_TRACE_WATCHES = 32
/** A watch ends by itself after this long, so a forgotten one does not poll forever. */
export const TRACE_WATCH_MAX_MS = 10 * 60_000

interface Watch {
  hops: number
  sinceMs: number
}

/**
 * Polls the journal index (LLEN, cheap) of each watched message and pushes
 * the whole trace when it gained hops; a completed trace stops being watched.
 */
export class TraceWatcher {
  private readonly watches = new Map<string, Watch>()
  private timer: NodeJS.Timeout | null = null
  private polling = false

  constructor(
    private readonly redis: Redis,
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
      this.watches.set(messageId, { hops: trace?.hops.length ?? 0, sinceMs: Date.now() })
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
      const pipe = this.redis.pipeline()
      for (const id of ids) pipe.llen(journalIndexOfMessage(id))
      const lengths = (await pipe.exec()) ?? []
      for (const [i, id] of ids.entries()) {
        const watch = this.watches.get(id)
        const length = Number(lengths[i]?.[1] ?? 0)
        if (!watch) continue
        if (Date.now() - watch.sinceMs > TRACE_WATCH_MAX_MS) this.watches.delete(id)
        if (length <= watch.hops) continue
        const trace = await readTrace(this.redis, id)
        if (!trace || !this.watches.has(id)) continue
        watch.hops = length
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
