import type { Redis } from 'ioredis'
import { JOURNAL_STREAM } from '../../../shared/keys'
import { journalFields } from '../../../shared/records'
import { fieldsToRecord } from '../redis-reply'

/** Journal entries read per snapshot: the tail, never the whole journal. */
export const JOURNAL_SAMPLE = 500
/** Distinct role→destination pairs remembered. */
export const WRITE_EDGES_MAX = 500

/** A role→destination edge learned from the journal, with hops seen since the last read. */
export interface LearnedWrite {
  role: string
  destination: string
  recentHops: number
}

/**
 * Learns who writes where from the journal's destinations, reading only the
 * entries added since the previous call (the first call samples the tail).
 * Edge rates are a lower bound when more than JOURNAL_SAMPLE hops arrive between calls.
 */
export class JournalWriteSampler {
  private lastId: string | null = null
  private readonly edges = new Map<string, LearnedWrite>()

  async sample(redis: Redis): Promise<LearnedWrite[]> {
    const forward = this.lastId !== null
    const rows = forward
      ? await redis.xrange(JOURNAL_STREAM, `(${this.lastId}`, '+', 'COUNT', JOURNAL_SAMPLE)
      : (await redis.xrevrange(JOURNAL_STREAM, '+', '-', 'COUNT', JOURNAL_SAMPLE)).reverse()
    for (const edge of this.edges.values()) edge.recentHops = 0
    for (const [id, raw] of rows) {
      this.lastId = id
      const f = fieldsToRecord(raw)
      const role = f[journalFields.role]
      const destination = f[journalFields.destination]
      if (!role || !destination) continue
      const key = `${role}\u0000${destination}`
      const edge = this.edges.get(key)
      if (edge) edge.recentHops += 1
      else if (this.edges.size < WRITE_EDGES_MAX) this.edges.set(key, { role, destination, recentHops: 1 })
    }
    // A full batch means the journal outruns the sampler: jump to the tail next time, never fall behind.
    // Only after a forward read: a full tail read already ends at the newest entry, and
    // jumping again would count the same last 500 hops on every snapshot (~200/s on an idle pipeline).
    if (forward && rows.length >= JOURNAL_SAMPLE) this.lastId = null
    return [...this.edges.values()]
  }
}
