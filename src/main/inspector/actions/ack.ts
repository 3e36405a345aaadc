import type { RequestArgs } from '@shared/api'
import { withRedisErrors } from '../redis-errors'
import { asNumber } from '../redis-reply'
import { audited, type ActionContext } from './audit'
import { requireGroup } from './require-group'

/** Acknowledges chosen entries; the group must exist (XACK alone would answer 0). */
export async function ackEntries(ctx: ActionContext, args: RequestArgs<'pending.ack'>): Promise<{ acked: number }> {
  const { stream, group, ids } = args
  await requireGroup(ctx.redis, stream, group)
  const acked = await audited(
    ctx,
    'pending.ack',
    { stream, group, ids },
    () => withRedisErrors({ stream, group }, () => ctx.redis.xack(stream, group, ...ids)),
    (n) => ({ acked: n }),
  )
  return { acked: asNumber(acked) ?? 0 }
}
