// Sending an envelope and waiting for its answer on the result list.
import type { RedisClient } from '../../redis/client-type'
import type { Envelope } from '@shared/envelope'
import type { RedisConnectionConfig } from '../../redis/connection-config'
import { createRedisClientFor } from '../../redis/create-client'
import { awaitResult, sendEnvelope, type SendableEnvelope, type SendTarget } from './send'

/**
 * Sends an envelope and waits for the envelope that comes back on its result
 * list. The wait (BRPOP) has a connection of its own, closed afterwards.
 */
export async function sendAndAwait(
  commands: RedisClient,
  config: RedisConnectionConfig,
  target: SendTarget,
  input: SendableEnvelope,
  timeoutMs: number,
): Promise<Envelope> {
  const { envelope } = await sendEnvelope(commands, target, input)
  const waiter = createRedisClientFor(config, 'blocking')
  try {
    const result = await awaitResult(waiter, envelope.result_list, timeoutMs)
    if (!result) throw new Error(`no result on ${envelope.result_list} within ${timeoutMs} ms`)
    return result
  } finally {
    waiter.disconnect()
  }
}

/** Seed 001's demo request: the manager routes it through uppercase and reverse, and its result comes back. */
export function sendDemoRequest(commands: RedisClient, config: RedisConnectionConfig, conversationId: string, text: string, timeoutMs: number): Promise<Envelope> {
  const envelope: SendableEnvelope = { conversation_id: conversationId, sender_role: 'external', kind: 'task', payload: { text, stage: 'start', errors: [] } }
  return sendAndAwait(commands, config, { kind: 'role', name: 'manager' }, envelope, timeoutMs)
}
