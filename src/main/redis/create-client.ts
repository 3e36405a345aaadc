import { Redis, type RedisOptions } from 'ioredis'
import { parseRedisUrl, REDIS_DEFAULTS, usesTls, type RedisConnectionConfig } from './connection-config'
import { buildTlsOptions } from './tls-options'
import { rememberSecret } from '../log/scrub-secrets'

export type ClientPurpose = 'command' | 'blocking' | 'subscriber'

/** Reconnect delays: 50 ms doubling up to this cap, plus jitter so many clients do not stampede. */
export const RECONNECT_MAX_DELAY_MS = 5_000
const RECONNECT_BASE_DELAY_MS = 50

export function backoffDelayMs(attempt: number): number {
  const exponential = Math.min(RECONNECT_BASE_DELAY_MS * 2 ** Math.min(attempt, 16), RECONNECT_MAX_DELAY_MS)
  return Math.round(exponential + Math.random() * 100)
}

/**
 * One ioredis connection for one purpose. Blocking readers and subscribers
 * never give up on a command while reconnecting (maxRetriesPerRequest null):
 * their loops own the retry. The password goes to ioredis only.
 */
export function createRedisClient(config: RedisConnectionConfig, purpose: ClientPurpose): Redis {
  const target = parseRedisUrl(config.url)
  const options: RedisOptions = {
    host: target.host,
    port: target.port,
    db: target.db,
    connectionName: `switchyard:${purpose}`,
    connectTimeout: (config.connectTimeoutSec ?? REDIS_DEFAULTS.connectTimeoutSec) * 1000,
    retryStrategy: (times: number) => backoffDelayMs(times),
    maxRetriesPerRequest: purpose === 'command' ? (config.retryAttempts ?? REDIS_DEFAULTS.retryAttempts) : null,
    enableReadyCheck: true,
    lazyConnect: false,
  }
  const username = config.username ?? target.username
  const password = config.password ?? target.password
  if (username) options.username = username
  if (password) options.password = password
  rememberSecret(password)
  if (usesTls(config)) options.tls = buildTlsOptions(target.host, config.tlsSettings)
  if (purpose === 'command') {
    const socketTimeoutSec = config.socketTimeoutSec ?? REDIS_DEFAULTS.socketTimeoutSec
    if (socketTimeoutSec > 0) options.commandTimeout = socketTimeoutSec * 1000
  }
  const client = new Redis(options)
  // Without a listener ioredis prints every reconnect error; callers that care attach their own.
  client.on('error', () => undefined)
  return client
}
