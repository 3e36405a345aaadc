// The SDK's request(): send an envelope to a role and await its result.
import type { Envelope } from '@shared/envelope'
import { redisConfigFromEnv, type RedisConnectionConfig } from '../../redis/connection-config'
import { resolveClusterConfig } from '../../redis/cluster-detect'
import { createRedisClientFor } from '../../redis/create-client'
import { DEFAULT_REQUEST_TIMEOUT_MS, type AgentRuntime } from '../core/agent-runtime'
import type { SendableEnvelope, SendTarget } from '../core/send'
import { sendAndAwait } from '../core/send-and-await'

export interface RequestOptions {
  /** Send through this runtime's connection (default: a connection of the request's own). */
  runtime?: AgentRuntime
  /** Without a runtime: a redis:// URL or a connection config (default REDIS_URL, else 127.0.0.1:6379). */
  redis?: string | RedisConnectionConfig
  /** How long to wait for the result (default 30 000 ms); then request() rejects. */
  timeoutMs?: number
}

/**
 * Sends an envelope to a role (or `{ kind: 'agent', name }`) and resolves with
 * the envelope that comes back on its result list:
 * `await request('shout', { payload: { text: 'hi' } })`.
 */
export async function request(to: string | SendTarget, envelope: SendableEnvelope, options: RequestOptions = {}): Promise<Envelope> {
  const target: SendTarget = typeof to === 'string' ? { kind: 'role', name: to } : to
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
  if (options.runtime) {
    await options.runtime.start()
    return sendAndAwait(options.runtime.commandClient(), options.runtime.connectionConfig(), target, envelope, timeoutMs)
  }
  const given = typeof options.redis === 'string' ? { url: options.redis } : (options.redis ?? redisConfigFromEnv())
  const config = await resolveClusterConfig(given)
  const commands = createRedisClientFor(config, 'command')
  try {
    return await sendAndAwait(commands, config, target, envelope, timeoutMs)
  } finally {
    commands.disconnect()
  }
}
