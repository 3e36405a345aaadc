import type { StreamInfo } from '@shared/api'
import type { StreamCounter } from './stream-info'

/** Commands a second spent re-reading streams nothing points at (idle cost: issue 13 asks ≤ 50/s in all). */
export const COLD_COMMANDS_PER_SEC = 20
/** Streams re-read every tick because they moved (rate, pending, lag) or traffic touched them. */
export const HOT_STREAMS_MAX = 64

interface Cached {
  info: StreamInfo
  refreshedMs: number
  /** It moved between its last two reads: read it again next tick. */
  changed: boolean
}

/** XINFO STREAM + XINFO GROUPS + one XINFO CONSUMERS per group (+ MEMORY USAGE on a cold read). */
const costOf = (info: StreamInfo | undefined): number => 3 + (info?.groups.length ?? 1)

/** What moves when entries are added, delivered or acked (idle times alone do not count). */
const stateOf = (info: StreamInfo): string =>
  JSON.stringify([info.length, info.lastId, info.groups.map((g) => [g.name, g.pending, g.lastDeliveredId, g.entriesRead, g.consumers.length])])

/**
 * The last known state of every stream, and which to read again this tick:
 * the hot ones (changed at their last read, a rate above 0, touched by the
 * journal's new hops, or never read),
 * then the coldest others within a commands-per-second budget, so an idle
 * Redis with many streams costs a bounded, small number of commands.
 */
export class StreamCache {
  private keys: string[] = []
  private readonly cached = new Map<string, Cached>()
  private counters = new Map<string, StreamCounter>()
  private tokens = 0
  private lastPlanMs = 0

  setKeys(keys: readonly string[]): void {
    this.keys = [...keys]
    const known = new Set(keys)
    for (const key of this.cached.keys()) if (!known.has(key)) this.cached.delete(key)
  }

  /** Keys to read now, and which of them are cold (their memory is asked too). */
  plan(nowMs: number, touched: ReadonlySet<string>): { keys: string[]; cold: Set<string> } {
    const seconds = this.lastPlanMs ? (nowMs - this.lastPlanMs) / 1000 : 1
    this.lastPlanMs = nowMs
    this.tokens = Math.min(this.tokens + seconds * COLD_COMMANDS_PER_SEC, 2 * COLD_COMMANDS_PER_SEC)
    const hot: string[] = []
    const rest: string[] = []
    for (const key of this.keys) {
      const c = this.cached.get(key)
      if (!c || touched.has(key) || c.changed || c.info.ratePerSec > 0) hot.push(key)
      else rest.push(key)
    }
    const first = hot.slice(0, Math.max(HOT_STREAMS_MAX, this.cached.size === 0 ? hot.length : 0))
    rest.push(...hot.slice(first.length))
    rest.sort((a, b) => (this.cached.get(a)?.refreshedMs ?? 0) - (this.cached.get(b)?.refreshedMs ?? 0))
    const cold = new Set<string>()
    for (const key of rest) {
      const cost = costOf(this.cached.get(key)?.info)
      if (cost > this.tokens) break
      this.tokens -= cost
      cold.add(key)
    }
    return { keys: [...first, ...cold], cold }
  }

  /** Everything, read now (an on-demand snapshot). */
  planAll(): { keys: string[]; cold: Set<string> } {
    return { keys: [...this.keys], cold: new Set(this.keys) }
  }

  previousCounters(): ReadonlyMap<string, StreamCounter> {
    return this.counters
  }

  update(read: readonly string[], streams: readonly StreamInfo[], counters: ReadonlyMap<string, StreamCounter>, nowMs: number): void {
    const found = new Set(streams.map((s) => s.key))
    for (const key of read) if (!found.has(key)) this.cached.delete(key) // gone or no longer a stream
    for (const info of streams) {
      const before = this.cached.get(info.key)?.info
      this.cached.set(info.key, {
        info: { ...info, memoryBytes: info.memoryBytes ?? before?.memoryBytes ?? null },
        refreshedMs: nowMs,
        changed: before !== undefined && stateOf(before) !== stateOf(info),
      })
    }
    this.counters = new Map([...this.counters, ...counters])
    for (const key of this.counters.keys()) if (!this.cached.has(key)) this.counters.delete(key)
  }

  all(): StreamInfo[] {
    return this.keys.map((key) => this.cached.get(key)?.info).filter((s): s is StreamInfo => s !== undefined)
  }
}
