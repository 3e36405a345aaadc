import { randomUUID } from 'node:crypto'
import type { RedisClient } from '../../../src/main/redis/client-type'

/**
 * XADDs an envelope to the manager's role stream the way any client may
 * (raw JSON, fields left out take defaults); answers its new message id.
 */
export async function sendRawToManager(redis: RedisClient, idPrefix: string, fields: Record<string, unknown>): Promise<string> {
  const messageId = `${idPrefix}-${randomUUID()}`
  const now = Date.now() / 1000
  const envelope = { conversation_id: `conv-${messageId}`, message_id: messageId, target_role: 'manager', create_ts: now, update_ts: now, ...fields }
  await redis.xadd('stream:role:manager', '*', 'envelope', JSON.stringify(envelope))
  return messageId
}
