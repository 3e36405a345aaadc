// Sending an envelope to a role or an agent from outside an agent.
import { randomUUID } from 'node:crypto'
import type { RedisClient } from '../../redis/client-type'
import { ENVELOPE_FIELD, envelopeSchema, resultListOf, type Envelope, type EnvelopeInput } from '@shared/envelope'
import { agentStream, roleStream } from '@shared/keys'
import { parseWith } from '@shared/validate'

export type SendTarget = { kind: 'role' | 'agent'; name: string }
/** An EnvelopeInput whose ids may be left out too: they are generated. */
export type SendableEnvelope = Omit<EnvelopeInput, 'message_id' | 'conversation_id'> & {
  message_id?: string
  conversation_id?: string
}

/** Seed-style message id: `{conversation_id}:{time}` plus a short suffix so two in one ms differ. */
export function newMessageId(conversationId: string): string {
  return `${conversationId}:${(Date.now() / 1000).toFixed(3)}:${randomUUID().slice(0, 8)}`
}

/** Fills what a caller may leave out and validates the rest. */
export function completeEnvelope(target: SendTarget, input: SendableEnvelope): Envelope {
  const now = Date.now() / 1000
  const conversationId = input.conversation_id || randomUUID()
  const messageId = input.message_id || newMessageId(conversationId)
  const parsed = parseWith(envelopeSchema, {
    ...input,
    conversation_id: conversationId,
    message_id: messageId,
    target_role: target.kind === 'role' ? target.name : (input.target_role ?? null),
    target_agent_id: target.kind === 'agent' ? target.name : (input.target_agent_id ?? null),
    create_ts: input.create_ts || now,
    update_ts: input.update_ts ?? now,
  })
  if (!parsed.ok) throw new Error(`invalid envelope: ${parsed.message}`)
  const envelope = parsed.value
  envelope.result_list = resultListOf(envelope)
  return envelope
}

export async function sendEnvelope(
  redis: RedisClient,
  target: SendTarget,
  envelope: SendableEnvelope,
): Promise<{ streamId: string; envelope: Envelope }> {
  const complete = completeEnvelope(target, envelope)
  const stream = target.kind === 'role' ? roleStream(target.name) : agentStream(target.name)
  const streamId = await redis.xadd(stream, '*', ENVELOPE_FIELD, JSON.stringify(complete))
  if (!streamId) throw new Error(`XADD to ${stream} returned no id`)
  return { streamId, envelope: complete }
}

/** Decodes one result-list item; throws with the reason when it is not an envelope. */
export function decodeEnvelope(text: string): Envelope {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error('result is not valid JSON')
  }
  const parsed = parseWith(envelopeSchema, json)
  if (!parsed.ok) throw new Error(`result is not an envelope: ${parsed.message}`)
  return parsed.value
}

/** BRPOP on a blocking-capable connection the caller owns; null on timeout. */
export async function awaitResult(redis: RedisClient, resultList: string, timeoutMs: number): Promise<Envelope | null> {
  const reply = await redis.brpop(resultList, Math.max(0.01, timeoutMs / 1000))
  if (!reply) return null
  return decodeEnvelope(reply[1])
}
