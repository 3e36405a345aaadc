import type { RedisClient } from '../../redis/client-type'
import type { RequestArgs } from '@shared/api'
import { CLAIM_BATCH } from '../../redis/stream-fields'
import { withRedisErrors } from '../redis-errors'
import { audited, type ActionContext } from './audit'
import { requireGroup } from './require-group'

/** The preview counts at most this many idle entries (the answer says "at least" beyond). */
export const CLAIM_PREVIEW_MAX = 100_000

/** How many pending entries are idle longer than minIdleMs: shown before the claim runs. */
export async function previewClaimIdle(
  redis: RedisClient,
  args: RequestArgs<'pending.claimIdle.preview'>,
): Promise<{ count: number }> {
  const { stream, group, minIdleMs } = args
  await requireGroup(redis, stream, group)
  let count = 0
  let start = '-'
  while (count < CLAIM_PREVIEW_MAX) {
    const rows = (await withRedisErrors({ stream, group }, () =>
      redis.xpending(stream, group, 'IDLE', minIdleMs, start, '+', CLAIM_BATCH),
    )) as Array<[string, string, number, number]>
    count += rows.length
    const last = rows.at(-1)
    if (!last || rows.length < CLAIM_BATCH) break
    start = `(${last[0]}`
  }
  return { count: Math.min(count, CLAIM_PREVIEW_MAX) }
}

/** XAUTOCLAIM in batches until the PEL is walked or `max` entries were claimed. */
export async function claimIdle(
  ctx: ActionContext,
  args: RequestArgs<'pending.claimIdle'>,
): Promise<{ claimed: number; deleted: string[] }> {
  const { stream, group, consumer, minIdleMs, max } = args
  await requireGroup(ctx.redis, stream, group)
  return audited(
    ctx,
    'pending.claimIdle',
    { stream, group, consumer, minIdleMs, max },
    async () => {
      let claimed = 0
      const deleted: string[] = []
      let cursor = '0-0'
      do {
        const batch = Math.min(CLAIM_BATCH, max - claimed)
        const reply = await withRedisErrors({ stream, group }, () =>
          ctx.redis.xautoclaim(stream, group, consumer, minIdleMs, cursor, 'COUNT', batch, 'JUSTID'),
        )
        const [next, ids, gone] = reply as [string, string[], string[] | undefined]
        cursor = next
        claimed += ids.length
        if (gone) deleted.push(...gone)
      } while (cursor !== '0-0' && claimed < max)
      return { claimed, deleted }
    },
    (r) => ({ claimed: r.claimed, deleted: r.deleted.length }),
  )
}
