import type { RequestArgs, ResponseOf } from '@shared/api'
import { resultListOf, type Envelope } from '@shared/envelope'
import { HandlerError } from '@shared/result'
import { audited, type ActionContext } from '../actions/audit'
import { sendEnvelope } from '../runtime-port'
import type { ResultWaiter } from './result-waiter'

/**
 * Composes an envelope (schema-checked by the runtime's sendEnvelope) to a role
 * or agent stream, N copies; with waitMs, waits up to that long for every
 * result at once, through the inspector's one pooled waiter (one connection
 * for every waiting call).
 */
export async function injectEnvelope(
  ctx: ActionContext,
  waiter: ResultWaiter,
  args: RequestArgs<'inject.envelope'>,
): Promise<ResponseOf<'inject.envelope'>> {
  const { target, envelope, copies, waitMs } = args
  const sent: Array<{ streamId: string; envelope: Envelope }> = []
  await audited(ctx, 'inject.envelope', { target, copies, kind: envelope.kind }, async () => {
    // Issued together: ioredis writes them in call order in one pipelined burst.
    const sends = Array.from({ length: copies }, (_, i) => {
      // Missing ids are filled in by the runtime (a fresh uuid / seed-style message id);
      // a fixed message id names one message, so only the first copy keeps it.
      const input = { ...envelope, message_id: i === 0 ? envelope.message_id : undefined }
      return sendEnvelope(ctx.redis, target, input)
    })
    try {
      sent.push(...(await Promise.all(sends)))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (message.startsWith('invalid envelope')) throw new HandlerError('invalid_request', message)
      throw error
    }
  }, () => ({ messageIds: sent.slice(0, 20).map((s) => s.envelope.message_id) }))

  const results: Array<Envelope | null> =
    waitMs > 0
      ? await Promise.all(sent.map(({ envelope: env }) => waiter.wait(resultListOf(env), env.message_id, waitMs)))
      : sent.map(() => null)
  return {
    messageIds: sent.map((s) => s.envelope.message_id),
    streamIds: sent.map((s) => s.streamId),
    results,
  }
}
