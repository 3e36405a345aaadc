import type { RequestArgs } from '@shared/api'
import { DEAD_LETTER_MAXLEN, deadLetterStream } from '@shared/keys'
import { deadLetterFields } from '@shared/records'
import { pipelineValues, withRedisErrors } from '../redis-errors'
import { audited, type ActionContext } from '../actions/audit'
import { requireGroup } from '../actions/require-group'
import { renameEntryMeta } from './entry-meta'
import { execOrdered, type KeyedCommand } from '../cluster/keyed-batch'

/** Each dead-letter stream keeps about this many entries (XADD MAXLEN ~): the one cap the runtime uses too. */
export const DEAD_LETTER_MAX_LEN = DEAD_LETTER_MAXLEN

type PendingRow = [id: string, consumer: string, idleMs: number, deliveries: number]

/**
 * Copies each pending entry with the reason into switchyard:dlq:{stream} and
 * acks it, in one MULTI so an entry is never both lost and acked. On a
 * Cluster the two keys live in different slots: the copies are written
 * first, the ack after, so an interruption between them leaves an entry
 * both copied and pending (seen twice), never acked and lost. The body is
 * read and written as Buffers, so its bytes arrive exactly. Entries whose
 * body was trimmed away have nothing to copy and stay pending.
 */
export async function moveToDeadLetter(
  ctx: ActionContext,
  args: RequestArgs<'pending.deadLetter'>,
): Promise<{ moved: number }> {
  const { stream, group, ids, reason } = args
  await requireGroup(ctx.redis, stream, group)
  const read = ctx.redis.pipeline()
  for (const id of ids) {
    read.xrangeBuffer(stream, id, id) // bytes as they are: a move must not re-encode them
    read.xpending(stream, group, id, id, 1)
  }
  const values = pipelineValues(await read.exec(), { stream, group })
  const target = deadLetterStream(stream)
  const steps: KeyedCommand[] = []
  const moved: string[] = []
  ids.forEach((id, i) => {
    const body = (values[2 * i] as Array<[Buffer, Buffer[]]>)[0]
    const pending = (values[2 * i + 1] as PendingRow[])[0]
    if (!body || !pending) return
    moved.push(id)
    const copy = [...renameEntryMeta(body[1]),
      deadLetterFields.reason, reason,
      deadLetterFields.sourceStream, stream,
      deadLetterFields.sourceId, id,
      deadLetterFields.group, group,
      deadLetterFields.consumer, pending[1],
      deadLetterFields.deliveries, String(pending[3]),
      // Seconds, like every Switchyard record and the runtime's own dead letters.
      deadLetterFields.ts, String(Date.now() / 1000),
    ]
    steps.push({ key: target, add: (p) => p.xadd(target, 'MAXLEN', '~', DEAD_LETTER_MAX_LEN, '*', ...copy) })
  })
  if (moved.length === 0) return { moved: 0 }
  steps.push({ key: stream, add: (p) => p.xack(stream, group, ...moved) })
  await audited(ctx, 'pending.deadLetter', { stream, group, ids: moved, reason, deadLetterStream: target }, async () =>
    withRedisErrors({ stream, group }, async () => pipelineValues(await execOrdered(ctx.redis, steps), { stream, group })),
  )
  return { moved: moved.length }
}
