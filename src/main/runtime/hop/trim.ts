// Trimming a stream without dropping entries a group still needs.
import type { Redis } from 'ioredis'
import { fieldsToRecord } from '../reader/stream-entry'
import { minStreamId, nextStreamId } from '../reader/stream-ids'

/** Up to this excess the cut is found exactly (XRANGE of the excess); beyond it, estimated from the id times. */
export const EXACT_TRIM_MAX = 1_000

/**
 * Trims a stream towards maxLen without ever dropping an entry that some group
 * still holds pending or has not been delivered yet: XTRIM MINID ~ at the
 * smallest of (the count cut, each group's oldest pending id, each group's
 * first undelivered id). Returns the entries removed.
 */
export async function trimSafely(redis: Redis, stream: string, maxLen: number): Promise<number> {
  const length = await redis.xlen(stream)
  if (length <= maxLen) return 0
  const cut = await countCut(redis, stream, length, maxLen)
  if (!cut) return 0
  const bounds = [cut]
  const groups = (await redis.call('XINFO', ['GROUPS', stream])) as unknown[][]
  for (const raw of groups) {
    const info = fieldsToRecord(raw)
    if (info['last-delivered-id']) bounds.push(nextStreamId(info['last-delivered-id']))
    if (Number(info.pending ?? 0) > 0) {
      const oldest = (await redis.call('XPENDING', [stream, info.name ?? '', '-', '+', 1])) as Array<[string]>
      if (oldest[0]?.[0]) bounds.push(oldest[0][0])
    }
  }
  const minId = minStreamId(bounds)
  if (!minId) return 0
  return Number(await redis.call('XTRIM', [stream, 'MINID', '~', minId]))
}

/** The id of the first entry to keep so that about maxLen remain. */
async function countCut(redis: Redis, stream: string, length: number, maxLen: number): Promise<string | null> {
  const excess = length - maxLen
  if (excess <= EXACT_TRIM_MAX) {
    const head = (await redis.call('XRANGE', [stream, '-', '+', 'COUNT', excess + 1])) as Array<[string, unknown]>
    return head[head.length - 1]?.[0] ?? null
  }
  // Large excess: read only the two ends and place the cut by time (ids are ms timestamps).
  const first = ((await redis.call('XRANGE', [stream, '-', '+', 'COUNT', 1])) as Array<[string]>)[0]?.[0]
  const last = ((await redis.call('XREVRANGE', [stream, '+', '-', 'COUNT', 1])) as Array<[string]>)[0]?.[0]
  if (!first || !last) return null
  const firstMs = Number(first.split('-')[0])
  const lastMs = Number(last.split('-')[0])
  return `${firstMs + Math.floor(((lastMs - firstMs) * excess) / length)}-0`
}
