import type { RequestArgs } from '@shared/api'
import { HandlerError } from '@shared/result'
import { pipelineValues, withRedisErrors } from '../redis-errors'
import { asNumber, recordToFlat } from '../redis-reply'
import { audited, type ActionContext } from './audit'
import { requireStream } from './groups'

/** Adds raw fields to any stream, N copies in one pipeline. */
export async function addEntries(ctx: ActionContext, args: RequestArgs<'streams.add'>): Promise<{ ids: string[] }> {
  const { stream, fields, copies } = args
  const flat = recordToFlat(fields)
  return audited(
    ctx,
    'streams.add',
    { stream, fields: Object.keys(fields), copies },
    async () => {
      const pipe = ctx.redis.pipeline()
      for (let i = 0; i < copies; i++) pipe.xadd(stream, '*', ...flat)
      const ids = await withRedisErrors({ stream }, async () => pipelineValues(await pipe.exec(), { stream }))
      return { ids: ids.map(String) }
    },
    (r) => ({ firstId: r.ids[0], lastId: r.ids.at(-1) }),
  )
}

/** XTRIM by MAXLEN (a count) or MINID (an id, or a time in ms), exact or approximate. */
export async function trimStream(ctx: ActionContext, args: RequestArgs<'streams.trim'>): Promise<{ deleted: number }> {
  const { stream, strategy, approximate } = args
  let threshold = String(args.threshold)
  if (strategy === 'MAXLEN' && !/^\d+$/.test(threshold)) {
    throw new HandlerError('invalid_request', `MAXLEN needs a number of entries to keep, not the id ${threshold}`)
  }
  if (strategy === 'MINID' && typeof args.threshold === 'number') threshold = `${args.threshold}-0`
  await requireStream(ctx, stream)
  const deleted = await audited(
    ctx,
    'streams.trim',
    { stream, strategy, threshold, approximate },
    () => withRedisErrors({ stream }, () => ctx.redis.call('XTRIM', stream, strategy, approximate ? '~' : '=', threshold)),
    (n) => ({ deleted: asNumber(n) ?? 0 }),
  )
  return { deleted: asNumber(deleted) ?? 0 }
}
