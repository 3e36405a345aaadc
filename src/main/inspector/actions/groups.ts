import type { RequestArgs } from '@shared/api'
import { HandlerError } from '@shared/result'
import { withRedisErrors } from '../redis-errors'
import { asNumber } from '../redis-reply'
import { appendAudit, audited, type ActionContext } from './audit'

/** Without MKSTREAM Redis's own error is cryptic; check first so the operator reads why. */
export async function requireStream(ctx: Pick<ActionContext, 'redis'>, stream: string): Promise<void> {
  const type = await ctx.redis.type(stream)
  if (type === 'none') throw new HandlerError('not_found', `stream ${stream} does not exist`)
  if (type !== 'stream') throw new HandlerError('invalid_request', `${stream} is a ${type}, not a stream`)
}

export async function createGroup(ctx: ActionContext, args: RequestArgs<'groups.create'>): Promise<null> {
  const { stream, group, startId, mkstream } = args
  if (!mkstream) await requireStream(ctx, stream)
  await audited(ctx, 'groups.create', { stream, group, startId, mkstream }, () =>
    withRedisErrors({ stream, group }, () =>
      mkstream
        ? ctx.redis.xgroup('CREATE', stream, group, startId, 'MKSTREAM')
        : ctx.redis.xgroup('CREATE', stream, group, startId),
    ),
  )
  return null
}

export async function deleteGroup(ctx: ActionContext, args: RequestArgs<'groups.delete'>): Promise<{ deleted: boolean }> {
  const { stream, group } = args
  await requireStream(ctx, stream)
  const destroyed = await withRedisErrors({ stream, group }, () => ctx.redis.xgroup('DESTROY', stream, group))
  if (destroyed !== 1) throw new HandlerError('not_found', `group ${group} does not exist on stream ${stream}`)
  await appendAudit(ctx, 'groups.delete', { stream, group })
  return { deleted: true }
}

export async function setGroupId(ctx: ActionContext, args: RequestArgs<'groups.setId'>): Promise<null> {
  const { stream, group, id, entriesRead } = args
  await requireStream(ctx, stream)
  await audited(ctx, 'groups.setId', { stream, group, id, entriesRead: entriesRead ?? null }, () =>
    withRedisErrors({ stream, group }, () =>
      entriesRead !== undefined
        ? ctx.redis.call('XGROUP', 'SETID', stream, group, id, 'ENTRIESREAD', String(entriesRead))
        : ctx.redis.xgroup('SETID', stream, group, id),
    ),
  )
  return null
}

export async function deleteConsumer(
  ctx: ActionContext,
  args: RequestArgs<'consumers.delete'>,
): Promise<{ pendingReleased: number }> {
  const { stream, group, consumer } = args
  await requireStream(ctx, stream)
  const released = await audited(
    ctx,
    'consumers.delete',
    { stream, group, consumer },
    () => withRedisErrors({ stream, group }, () => ctx.redis.xgroup('DELCONSUMER', stream, group, consumer)),
    (n) => ({ pendingReleased: asNumber(n) ?? 0 }),
  )
  return { pendingReleased: asNumber(released) ?? 0 }
}
