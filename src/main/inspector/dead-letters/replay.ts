import type { RequestArgs } from '../../../shared/api'
import { HandlerError } from '../../../shared/result'
import { DEAD_LETTER_PREFIX } from '../../../shared/keys'
import { DEAD_LETTER_META_PREFIX, deadLetterFields } from '../../../shared/records'
import { pipelineValues, withRedisErrors } from '../redis-errors'
import { fieldsToRecord } from '../redis-reply'
import { audited, type ActionContext } from '../actions/audit'

/**
 * Re-adds dead letters to their source stream without the dlq_ metadata and
 * deletes them from the dead-letter stream, in one MULTI per request.
 */
export async function replayDeadLetters(
  ctx: ActionContext,
  args: RequestArgs<'deadLetters.replay'>,
): Promise<{ replayed: Array<{ id: string; newId: string }> }> {
  const { deadLetterStream, ids } = args
  if (!deadLetterStream.startsWith(DEAD_LETTER_PREFIX)) {
    throw new HandlerError('invalid_request', `${deadLetterStream} is not a dead-letter stream (${DEAD_LETTER_PREFIX}…)`)
  }
  const read = ctx.redis.pipeline()
  for (const id of ids) read.xrange(deadLetterStream, id, id)
  const bodies = pipelineValues(await read.exec(), { stream: deadLetterStream }) as Array<Array<[string, string[]]>>
  const found = ids.flatMap((id, i) => {
    const row = bodies[i]?.[0]
    return row ? [{ id, fields: fieldsToRecord(row[1]) }] : []
  })
  const missing = ids.filter((id) => !found.some((f) => f.id === id))
  if (missing.length) {
    throw new HandlerError('not_found', `no dead letter ${missing.join(', ')} in ${deadLetterStream}`)
  }
  const tx = ctx.redis.multi()
  const fallbackSource = deadLetterStream.slice(DEAD_LETTER_PREFIX.length)
  for (const { id, fields } of found) {
    const source = fields[deadLetterFields.sourceStream] || fallbackSource
    const original = Object.entries(fields).filter(([k]) => !k.startsWith(DEAD_LETTER_META_PREFIX))
    tx.xadd(source, '*', ...original.flat())
    tx.xdel(deadLetterStream, id)
  }
  const results = await audited(ctx, 'deadLetters.replay', { deadLetterStream, ids }, async () =>
    withRedisErrors({ stream: deadLetterStream }, async () => pipelineValues(await tx.exec())),
  )
  return { replayed: found.map(({ id }, i) => ({ id, newId: String(results[2 * i]) })) }
}
