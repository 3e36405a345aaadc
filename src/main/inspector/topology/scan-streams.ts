import type { Redis } from 'ioredis'

/** Keys asked for per SCAN round trip; large so 10,000 keys take a few trips. */
export const SCAN_COUNT = 1_000

export interface ScanResult {
  keys: string[]
  /** More streams existed than `max`. */
  truncated: boolean
}

/**
 * Incremental SCAN with TYPE stream, so other keys never come back and a big
 * keyspace does not block the server. Stops at `max` keys.
 */
export async function scanStreams(redis: Redis, options: { match?: string; max: number }): Promise<ScanResult> {
  const found = new Set<string>()
  let cursor = '0'
  do {
    const [next, keys] = options.match
      ? await redis.scan(cursor, 'MATCH', options.match, 'COUNT', SCAN_COUNT, 'TYPE', 'stream')
      : await redis.scan(cursor, 'COUNT', SCAN_COUNT, 'TYPE', 'stream')
    cursor = next
    for (const key of keys) {
      if (found.size >= options.max) return { keys: [...found].sort(), truncated: true }
      found.add(key)
    }
  } while (cursor !== '0')
  return { keys: [...found].sort(), truncated: false }
}
