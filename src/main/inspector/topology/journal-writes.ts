import type { RedisClient } from '../../redis/client-type'
import { JOURNAL_STREAM, roleStream } from '@shared/keys'
import { journalFields } from '@shared/records'
import { asNumber, asString, fieldsToRecord, flatToRecord } from '../redis-reply'
import { isNoPermission } from '../../redis/acl-errors'

/** Journal entries read per sample: only entries added since the previous one, never the tail again. */
export const JOURNAL_SAMPLE = 500
/** Distinct writer→destination pairs remembered. */
export const WRITE_EDGES_MAX = 500
/** The writer of an envelope's first hop: whoever sent it from outside. */
export const EXTERNAL_WRITER = 'external'

/** A writer→destination edge learned from traffic, with its rate over the last sample. */
export interface LearnedWrite {
  role: string
  destination: string
  ratePerSec: number
  /** Learned from another hop's trace entry: the writer keeps no journal. */
  inferred: boolean
}

export interface JournalSample {
  writes: LearnedWrite[]
  /** Streams written or read by the hops of this sample: the topology refreshes these first. */
  touched: Set<string>
}

interface Edge extends LearnedWrite {
  hops: number
}

/**
 * Learns who writes where from the journal: each hop's destination, the
 * first hop's caller (external), and — from the envelope's trace — the
 * writer of the hop before when that agent keeps no journal (other languages).
 * One XINFO STREAM a call tells whether anything was added (entries-added);
 * only then are the new entries read. When more than JOURNAL_SAMPLE arrived,
 * the sample is scaled to the count added and reading jumps to the tail.
 */
export class JournalWriteSampler {
  private lastId: string | null = null
  private lastAdded: number | null = null
  private lastMs = 0
  private readonly edges = new Map<string, Edge>()
  private readonly journaling = new Set<string>()

  async sample(redis: RedisClient, nowMs: number = Date.now()): Promise<JournalSample> {
    const touched = new Set<string>()
    for (const edge of this.edges.values()) edge.hops = 0
    let info: Record<string, unknown>
    try {
      info = flatToRecord(await redis.call('XINFO', 'STREAM', JOURNAL_STREAM))
    } catch (error) {
      if (isNoPermission(error)) throw error // the topology names it as unreadable
      // No journal yet: whatever is added from now on is new traffic.
      this.lastAdded = 0
      this.lastId = '0-0'
      return this.answer(nowMs, 1, touched)
    }
    const added = asNumber(info['entries-added']) ?? asNumber(info.length) ?? 0
    const tailId = asString(info['last-generated-id'])
    const first = this.lastAdded === null
    if (!first && added === this.lastAdded) return this.answer(nowMs, 1, touched)
    const rows = this.lastId
      ? await redis.xrange(JOURNAL_STREAM, `(${this.lastId}`, '+', 'COUNT', JOURNAL_SAMPLE)
      : (await redis.xrevrange(JOURNAL_STREAM, '+', '-', 'COUNT', JOURNAL_SAMPLE)).reverse() // once, to learn the edges
    const records = rows.map(([, raw]) => fieldsToRecord(raw))
    for (const f of records) if (f[journalFields.role]) this.journaling.add(f[journalFields.role] as string)
    for (const f of records) this.learn(f, touched)
    const fresh = first ? 0 : added - (this.lastAdded ?? 0)
    const scale = !first && rows.length > 0 && fresh > rows.length ? fresh / rows.length : 1
    this.lastAdded = added
    this.lastId = rows.length >= JOURNAL_SAMPLE || first ? tailId : (rows.at(-1)?.[0] ?? this.lastId)
    if (first) for (const edge of this.edges.values()) edge.hops = 0 // history gives edges, not rates
    return this.answer(nowMs, scale, touched)
  }

  private answer(nowMs: number, scale: number, touched: Set<string>): JournalSample {
    const seconds = this.lastMs ? (nowMs - this.lastMs) / 1000 : 0
    this.lastMs = nowMs
    const writes = [...this.edges.values()].map(({ hops, ...edge }) => ({
      ...edge,
      ratePerSec: seconds > 0 ? (hops * scale) / seconds : 0,
    }))
    return { writes, touched }
  }

  private learn(f: Record<string, string>, touched: Set<string>): void {
    const role = f[journalFields.role]
    const destination = f[journalFields.destination]
    if (!role || !destination) return
    this.count(role, destination, false)
    if (!destination.startsWith('result:')) touched.add(destination)
    touched.add(roleStream(role))
    const trace = traceRoles(f[journalFields.envelope])
    if (trace.length === 1) this.count(EXTERNAL_WRITER, roleStream(role), false)
    const before = trace[trace.length - 2]
    if (before && !this.journaling.has(before)) this.count(before, roleStream(role), true)
  }

  private count(role: string, destination: string, inferred: boolean): void {
    const key = `${role}\u0000${destination}`
    const edge = this.edges.get(key)
    if (edge) edge.hops += 1
    else if (this.edges.size < WRITE_EDGES_MAX) this.edges.set(key, { role, destination, ratePerSec: 0, inferred, hops: 1 })
  }
}

/** The roles of an envelope's trace entries, in order; [] when the JSON is not an envelope. */
function traceRoles(json: string | undefined): string[] {
  if (!json) return []
  try {
    const trace = (JSON.parse(json) as { trace?: unknown }).trace
    return Array.isArray(trace) ? trace.map((t) => String((t as { role?: unknown })?.role ?? '')) : []
  } catch {
    return []
  }
}
