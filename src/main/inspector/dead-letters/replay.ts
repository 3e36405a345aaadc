import type { RequestArgs } from '@shared/api'
import { HandlerError } from '@shared/result'
import { DEAD_LETTER_PREFIX } from '@shared/keys'
import { deadLetterFields } from '@shared/records'
import { pipelineValues, withRedisErrors } from '../redis-errors'
import { audited, type ActionContext } from '../actions/audit'
import { originalFields } from './entry-meta'
import { execOrdered, type KeyedCommand } from '../cluster/keyed-batch'

/**
 * Re-adds dead letters to their source stream without the dlq_ metadata and
 * deletes them from the dead-letter stream, in one MULTI per request (on a
 * Cluster, where the streams live in different slots: every re-add first,
 * the deletes after, so an interruption never loses a dead letter). Names
 * and values are copied as Buffers: the replayed entry has the original bytes.
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
  for (const id of ids) read.xrangeBuffer(deadLetterStream, id, id)
  const bodies = pipelineValues(await read.exec(), { stream: deadLetterStream }) as Array<Array<[Buffer, Buffer[]]>>
  const found = ids.flatMap((id, i) => {
    const row = bodies[i]?.[0]
    return row ? [{ id, raw: row[1] }] : []
  })
  const missing = ids.filter((id) => !found.some((f) => f.id === id))
  if (missing.length) {
    throw new HandlerError('not_found', `no dead letter ${missing.join(', ')} in ${deadLetterStream}`)
  }
  const adds: KeyedCommand[] = []
  const deletes: KeyedCommand[] = []
  const fallbackSource = deadLetterStream.slice(DEAD_LETTER_PREFIX.length)
  for (const { id, raw } of found) {
    let source: string | Buffer = fallbackSource
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const value = raw[i + 1] as Buffer
      if ((raw[i] as Buffer).toString('latin1') === deadLetterFields.sourceStream && value.length) source = value
    }
    const target = source
    adds.push({ key: target, add: (p) => p.xadd(target, '*', ...originalFields(raw)) })
    deletes.push({ key: deadLetterStream, add: (p) => p.xdel(deadLetterStream, id) })
  }
  const results = await audited(ctx, 'deadLetters.replay', { deadLetterStream, ids }, async () =>
    withRedisErrors({ stream: deadLetterStream }, async () => pipelineValues(await execOrdered(ctx.redis, [...adds, ...deletes]))),
  )
  return { replayed: found.map(({ id }, i) => ({ id, newId: String(results[i]) })) }
}
