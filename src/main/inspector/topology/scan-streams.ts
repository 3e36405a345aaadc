import type { Redis } from 'ioredis'
import type { RedisClient } from '../../redis/client-type'
import { scanTargets } from '../cluster/scan-targets'

/** Keys asked for per SCAN round trip: large, so an idle app on 50,000 keys re-lists its streams in ten trips, not fifty (bench/inspector/idle-cost). */
export const SCAN_COUNT = 5_000

export interface ScanResult {
  keys: string[]
  /** More streams existed than `max`. */
  truncated: boolean
}

/** One server's SCAN until its cursor returns to 0 or `found` holds `max` keys; true when cut short. */
async function scanOne(node: Redis, match: string | undefined, max: number, found: Set<string>): Promise<boolean> {
  let cursor = '0'
  do {
    const [next, keys] = match
      ? await node.scan(cursor, 'MATCH', match, 'COUNT', SCAN_COUNT, 'TYPE', 'stream')
      : await node.scan(cursor, 'COUNT', SCAN_COUNT, 'TYPE', 'stream')
    cursor = next
    for (const key of keys) {
      if (found.size >= max) return true
      found.add(key)
    }
  } while (cursor !== '0')
  return false
}

/**
 * Incremental SCAN with TYPE stream, so other keys never come back and a big
 * keyspace does not block the server. A Cluster's keys are spread over its
 * masters: each is scanned in turn (a SCAN sent to the Cluster would walk one
 * random node). Stops at `max` keys.
 */
export async function scanStreams(redis: RedisClient, options: { match?: string; max: number }): Promise<ScanResult> {
  const found = new Set<string>()
  for (const node of await scanTargets(redis)) {
    if (await scanOne(node, options.match, options.max, found)) return { keys: [...found].sort(), truncated: true }
  }
  return { keys: [...found].sort(), truncated: false }
}
