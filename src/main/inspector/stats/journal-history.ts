import type { RedisClient } from '../../redis/client-type'
import type { StatsPoint } from '@shared/api'
import { JOURNAL_STREAM, VIOLATIONS_STREAM } from '@shared/keys'
import { sumHops } from './journal-hop-stats'

/** Journal entries read for history at most (the newest first): the bound of one backfill. */
export const HISTORY_READ_MAX = 20_000
/** Points a backfill makes at most; buckets widen with the window. */
export const HISTORY_BUCKETS = 360
/** Narrowest bucket, the sampler's usual interval. */
export const HISTORY_BUCKET_MIN_MS = 2_000

type Rows = Array<[string, string[]]>
const idMs = (id: string): number => Number(id.split('-')[0]) || 0

/**
 * Points for a time before this process sampled, rebuilt from the shared
 * journal, so hops of every worker (on any host, before this app started)
 * are counted. A bucket with no hops is a real zero: the journal records
 * every hop. Dead letters are not in the journal and count 0 here.
 */
export async function journalHistory(redis: RedisClient, fromMs: number, toMs: number): Promise<StatsPoint[]> {
  if (toMs - fromMs < HISTORY_BUCKET_MIN_MS) return []
  const end = String(Math.floor(toMs) - 1)
  const start = String(Math.floor(fromMs))
  const [hops, violations] = (await Promise.all([
    redis.xrevrange(JOURNAL_STREAM, end, start, 'COUNT', HISTORY_READ_MAX),
    redis.xrevrange(VIOLATIONS_STREAM, end, start, 'COUNT', HISTORY_READ_MAX),
  ])) as [Rows, Rows]
  if (hops.length === 0 && violations.length === 0) return []
  // Over the bound, history starts where the rows read reach back to.
  const oldest = Math.min(...[hops.at(-1), violations.at(-1)].flatMap((r) => (r ? [idMs(r[0])] : [])))
  const firstMs = Math.max(fromMs, hops.length >= HISTORY_READ_MAX ? idMs(hops.at(-1)?.[0] ?? '0') : oldest)
  const bucketMs = Math.max(HISTORY_BUCKET_MIN_MS, Math.ceil((toMs - firstMs) / HISTORY_BUCKETS))
  const count = Math.max(1, Math.ceil((toMs - firstMs) / bucketMs))
  const hopBuckets: Rows[] = Array.from({ length: count }, () => [])
  const violationCounts = new Array<number>(count).fill(0)
  const slot = (id: string): number => Math.min(count - 1, Math.floor((idMs(id) - firstMs) / bucketMs))
  for (const row of hops) if (idMs(row[0]) >= firstMs) hopBuckets[slot(row[0])]?.push(row)
  for (const [id] of violations) if (idMs(id) >= firstMs) violationCounts[slot(id)] = (violationCounts[slot(id)] ?? 0) + 1
  return hopBuckets.map((rows, i) => {
    const totals = sumHops(rows)
    const seconds = bucketMs / 1000
    return {
      ts: (firstMs + (i + 1) * bucketMs) / 1000, // seconds, like every ts of the contract
      throughputByRole: Object.fromEntries([...totals.hopsByRole].map(([role, n]) => [role, n / seconds])),
      latencyByRole: Object.fromEntries([...totals.durationByRole].map(([role, sum]) => [role, sum / (totals.timedByRole.get(role) ?? 1)])),
      errors: totals.errors,
      violations: violationCounts[i] ?? 0,
      deadLetters: 0,
    }
  })
}
