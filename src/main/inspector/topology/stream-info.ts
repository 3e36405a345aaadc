import type { RedisClient } from '../../redis/client-type'
import { execKeyed, type KeyedCommand } from '../cluster/keyed-batch'
import type { ConsumerInfo, GroupInfo, StreamInfo } from '@shared/api'
import { asNumber, asString, flatToRecord } from '../redis-reply'

/** MEMORY USAGE samples this many entries: a fixed cost, not the stream's length. */
export const MEMORY_SAMPLES = 5

/** Counters the next snapshot needs for entries/s. */
export interface StreamCounter {
  entriesAdded: number
  atMs: number
}

function entryId(entry: unknown): string | null {
  return Array.isArray(entry) && entry.length > 0 ? String(entry[0]) : null
}

function parseGroup(reply: unknown, consumers: ConsumerInfo[]): GroupInfo {
  const g = flatToRecord(reply)
  return {
    name: String(g.name),
    consumers,
    pending: asNumber(g.pending) ?? 0,
    lastDeliveredId: asString(g['last-delivered-id']) ?? '0-0',
    entriesRead: asNumber(g['entries-read']),
    lag: asNumber(g.lag),
  }
}

function parseConsumer(reply: unknown): ConsumerInfo {
  const c = flatToRecord(reply)
  return {
    name: String(c.name),
    pending: asNumber(c.pending) ?? 0,
    idleMs: asNumber(c.idle) ?? 0,
    // Only Redis 7.2+ reports `inactive`.
    inactiveMs: 'inactive' in c ? asNumber(c.inactive) : null,
  }
}

/**
 * Reads many streams in two pipelined round trips (one per master on a Cluster): XINFO STREAM (never FULL),
 * XINFO GROUPS and (when asked) sampled MEMORY USAGE, then XINFO CONSUMERS per group.
 * A key that vanished or changed type in between is left out.
 */
export async function readStreamInfos(
  redis: RedisClient,
  keys: readonly string[],
  previous: ReadonlyMap<string, StreamCounter>,
  nowMs: number,
  /** Streams whose MEMORY USAGE is asked too (default all); the others answer null. */
  withMemory: (key: string) => boolean = () => true,
): Promise<{ streams: StreamInfo[]; counters: Map<string, StreamCounter> }> {
  const first: KeyedCommand[] = []
  const memoryAsked = keys.map((key) => {
    first.push({ key, add: (p) => p.xinfo('STREAM', key) }, { key, add: (p) => p.xinfo('GROUPS', key) })
    const asked = withMemory(key)
    if (asked) first.push({ key, add: (p) => p.call('MEMORY', 'USAGE', key, 'SAMPLES', String(MEMORY_SAMPLES)) })
    return asked
  })
  // Keyed: on a Cluster each key's commands go to the master that owns it.
  const replies = await execKeyed(redis, first)
  const alive: Array<{ key: string; info: Record<string, unknown>; memory: number | null; groups: unknown[] }> = []
  let at = 0
  keys.forEach((key, i) => {
    const [infoErr, info] = replies[at++] ?? [null, null]
    const [groupsErr, groups] = replies[at++] ?? [null, null]
    const [, memory] = memoryAsked[i] ? (replies[at++] ?? [null, null]) : [null, null]
    if (infoErr || groupsErr) return
    alive.push({ key, info: flatToRecord(info), memory: asNumber(memory), groups: Array.isArray(groups) ? groups : [] })
  })

  const second: KeyedCommand[] = alive.flatMap((s) =>
    s.groups.map((g) => ({ key: s.key, add: (p) => p.xinfo('CONSUMERS', s.key, String(flatToRecord(g).name)) }) satisfies KeyedCommand),
  )
  const consumerReplies = await execKeyed(redis, second)

  let next = 0
  const counters = new Map<string, StreamCounter>()
  const streams = alive.map(({ key, info, memory, groups }): StreamInfo => {
    // entries-added (Redis 7.0+) counts every XADD, trims or not; older servers fall back to the length.
    const entriesAdded = asNumber(info['entries-added']) ?? asNumber(info.length) ?? 0
    const before = previous.get(key)
    const seconds = before ? (nowMs - before.atMs) / 1000 : 0
    const ratePerSec = before && seconds > 0 ? Math.max(0, entriesAdded - before.entriesAdded) / seconds : 0
    counters.set(key, { entriesAdded, atMs: nowMs })
    return {
      key,
      length: asNumber(info.length) ?? 0,
      firstId: entryId(info['first-entry']),
      lastId: entryId(info['last-entry']),
      memoryBytes: memory,
      ratePerSec,
      groups: groups.map((g) => {
        const [error, reply] = consumerReplies[next++] ?? [null, []]
        const consumers = !error && Array.isArray(reply) ? reply.map(parseConsumer) : []
        return parseGroup(g, consumers)
      }),
    }
  })
  return { streams, counters }
}
