import type { RedisClient } from '../redis/client-type'
import { REDIS_DEFAULTS, redactUrl, type RedisConnectionConfig } from '../redis/connection-config'
import { createRedisClientFor } from '../redis/create-client'
import { waitForFirstReady } from '../redis/wait-ready'
import { isNoPermission } from '../redis/acl-errors'

/** Waits for a client's first 'ready'; rejects at once on a certificate or password error, else after timeoutMs. */
export function waitUntilReady(client: RedisClient, timeoutMs: number, label: string): Promise<void> {
  return waitForFirstReady(client, { timeoutMs, label })
}

export async function serverVersion(client: RedisClient): Promise<string> {
  let info: string
  try {
    info = await client.info('server')
  } catch (error) {
    if (isNoPermission(error)) return 'unknown (the user may not run INFO)'
    throw error
  }
  return /redis_version:([^\r\n]+)/.exec(info)?.[1]?.trim() ?? 'unknown'
}

/** Connects once, pings, reads the version, and disconnects: the "Test" button. */
export async function probeRedis(config: RedisConnectionConfig): Promise<{ latencyMs: number; serverVersion: string }> {
  const client = createRedisClientFor(config, 'command')
  const timeoutMs = (config.connectTimeoutSec ?? REDIS_DEFAULTS.connectTimeoutSec) * 1000
  try {
    await waitUntilReady(client, timeoutMs, redactUrl(config))
    const started = performance.now()
    await client.ping()
    const latencyMs = Math.round((performance.now() - started) * 100) / 100
    return { latencyMs, serverVersion: await serverVersion(client) }
  } finally {
    client.disconnect()
  }
}

/** Resolves on the client's first 'ready', or when it is closed for good. */
export function readyOrEnded(client: RedisClient): Promise<void> {
  if (client.status === 'ready' || client.status === 'end') return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      client.off('ready', done)
      client.off('end', done)
      resolve()
    }
    client.on('ready', done)
    client.on('end', done)
  })
}
