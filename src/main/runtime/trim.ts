import type { Redis } from 'ioredis'
import { fieldsToRecord } from './stream-entry'
import { minStreamId, nextStreamId } from './stream-ids'

/** Bound on the entries one trim pass looks past to find its cut (the rest waits for the next pass). */
export const TRIM_SCAN_MAX = 10_000

/**
 * Trims a stream towards maxLen without ever dropping an entry that some group
 * still holds pending or has not been delivered yet: XTRIM MINID ~ at the
 * smallest of (the count cut, each group's oldest pending id, each group's
 * first undelivered id). Returns the entries removed.
 */
export async function trimSafely(redis: Redis, stream: string, maxLen: number): Promise<number> {
  const length = await redis.xlen(stream)
  if (length <= maxLen) return 0
  const excess = Math.min(length - maxLen, TRIM_SCAN_MAX)
  const head = (await redis.call('XRANGE', [stream, '-', '+', 'COUNT', excess + 1])) as Array<[string, string[]]>
  const cut = head[head.length - 1]?.[0]
  if (!cut) return 0
  const bounds = [cut]
  const groups = (await redis.call('XINFO', ['GROUPS', stream])) as unknown[][]
  for (const raw of groups) {
    const info = fieldsToRecord(raw)
    const group = info.name ?? ''
    if (info['last-delivered-id']) bounds.push(nextStreamId(info['last-delivered-id']))
    if (Number(info.pending ?? 0) > 0) {
      const oldest = (await redis.call('XPENDING', [stream, group, '-', '+', 1])) as Array<[string]>
      if (oldest[0]?.[0]) bounds.push(oldest[0][0])
    }
  }
  const minId = minStreamId(bounds)
  if (!minId) return 0
  return Number(await redis.call('XTRIM', [stream, 'MINID', '~', minId]))
}
