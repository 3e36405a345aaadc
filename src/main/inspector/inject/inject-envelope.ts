import type { Redis } from 'ioredis'
import type { RequestArgs, ResponseOf } from '../../../shared/api'
import { resultListOf, type Envelope } from '../../../shared/envelope'
import { HandlerError } from '../../../shared/result'
import { audited, type ActionContext } from '../actions/audit'
import { awaitResult, sendEnvelope } from '../runtime-port'

/**
 * Composes an envelope (schema-checked by the runtime's sendEnvelope) to a role
 * or agent stream, N copies; with waitMs, waits on each result list in turn on
 * one blocking connection the inspector owns for this call.
 */
export async function injectEnvelope(
  ctx: ActionContext,
  createBlockingClient: () => Redis,
  args: RequestArgs<'inject.envelope'>,
): Promise<ResponseOf<'inject.envelope'>> {
  const { target, envelope, copies, waitMs } = args
  const sent: Array<{ streamId: string; envelope: Envelope }> = []
  await audited(ctx, 'inject.envelope', { target, copies, kind: envelope.kind }, async () => {
    for (let i = 0; i < copies; i++) {
      // A fixed message id names one message: only the first copy may keep it.
      // Empty ids are filled in by the runtime (a fresh uuid / seed-style message id).
      const input = {
        ...envelope,
        conversation_id: envelope.conversation_id ?? '',
        message_id: (i === 0 ? envelope.message_id : undefined) ?? '',
      }
      try {
        sent.push(await sendEnvelope(ctx.redis, target, input))
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        if (message.startsWith('invalid envelope')) throw new HandlerError('invalid_request', message)
        throw error
      }
    }
  }, () => ({ messageIds: sent.slice(0, 20).map((s) => s.envelope.message_id) }))

  const results: Array<Envelope | null> = []
  if (waitMs > 0) {
    const blocking = createBlockingClient()
    try {
      const deadline = Date.now() + waitMs
      for (const { envelope: env } of sent) {
        const left = deadline - Date.now()
        results.push(left > 0 ? await awaitResult(blocking, resultListOf(env), left) : null)
      }
    } finally {
      blocking.disconnect()
    }
  } else {
    results.push(...sent.map(() => null))
  }
  return {
    messageIds: sent.map((s) => s.envelope.message_id),
    streamIds: sent.map((s) => s.streamId),
    results,
  }
}
