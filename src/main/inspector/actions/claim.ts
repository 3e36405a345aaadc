import type { RequestArgs } from '@shared/api'
import { withRedisErrors } from '../redis-errors'
import { audited, type ActionContext } from './audit'

/** Claims chosen entries to any consumer (XCLAIM creates a new consumer on first use). */
export async function claimEntries(ctx: ActionContext, args: RequestArgs<'pending.claim'>): Promise<{ claimed: string[] }> {
  const { stream, group, consumer, ids, minIdleMs } = args
  const rows = await audited(
    ctx,
    'pending.claim',
    { stream, group, consumer, ids, minIdleMs },
    () => withRedisErrors({ stream, group }, () => ctx.redis.call('XCLAIM', stream, group, consumer, String(minIdleMs), ...ids) as Promise<unknown[]>),
    (r) => ({ claimed: r.filter(Boolean).length }),
  )
  // Entries deleted from the stream come back as nil on older servers: they were not claimed.
  const claimed = (rows as Array<[string, string[]] | null>).flatMap((row) => (row ? [row[0]] : []))
  return { claimed }
}
