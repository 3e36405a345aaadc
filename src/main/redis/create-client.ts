import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis'
import { clusterSeedsOf, parseRedisUrl, REDIS_DEFAULTS, usesTls, type RedisConnectionConfig } from './connection-config'
import type { RedisClient } from './client-type'
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

/** What every connection of one purpose shares, single server or Cluster node: auth, TLS, timeouts, retries. */
function connectionOptions(config: RedisConnectionConfig, purpose: ClientPurpose, tlsHost: string): RedisOptions {
  const target = parseRedisUrl(config.url)
  const options: RedisOptions = {
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
  if (usesTls(config)) options.tls = buildTlsOptions(tlsHost, config.tlsSettings)
  if (purpose === 'command') {
    const socketTimeoutSec = config.socketTimeoutSec ?? REDIS_DEFAULTS.socketTimeoutSec
    if (socketTimeoutSec > 0) options.commandTimeout = socketTimeoutSec * 1000
  }
  return options
}

/**
 * One ioredis connection for one purpose. Blocking readers and subscribers
 * never give up on a command while reconnecting (maxRetriesPerRequest null):
 * their loops own the retry. The password goes to ioredis only.
 */
export function createRedisClient(config: RedisConnectionConfig, purpose: ClientPurpose): Redis {
  const target = parseRedisUrl(config.url)
  const client = new Redis({ ...connectionOptions(config, purpose, target.host), host: target.host, port: target.port, db: target.db })
  // Without a listener ioredis prints every reconnect error; callers that care attach their own.
  client.on('error', () => undefined)
  return client
}

/**
 * An ioredis Cluster through the config's seed nodes: every node connection
 * with the same auth, TLS and timeouts as a single server's; commands follow
 * MOVED/ASK and wait out a failover (CLUSTERDOWN, TRYAGAIN) instead of failing.
 */
export function createClusterClient(config: RedisConnectionConfig, purpose: ClientPurpose): Cluster {
  const seeds = clusterSeedsOf(config)
  if (!seeds || seeds.length === 0) throw new Error('createClusterClient: the config names no Cluster seed node')
  const options: ClusterOptions = {
    redisOptions: connectionOptions(config, purpose, seeds[0]!.host),
    clusterRetryStrategy: (times: number) => backoffDelayMs(times),
    enableReadyCheck: true,
    lazyConnect: false,
    scaleReads: 'master',
    maxRedirections: 32,
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 200,
    retryDelayOnTryAgain: 200,
    slotsRefreshTimeout: (config.connectTimeoutSec ?? REDIS_DEFAULTS.connectTimeoutSec) * 1000,
  }
  const cluster = new Cluster(seeds.map((node) => ({ host: node.host, port: node.port })), options)
  cluster.on('error', () => undefined)
  return cluster
}

/** A Cluster client when the config names a Cluster (config.cluster or a +cluster URL), else one server's. */
export function createRedisClientFor(config: RedisConnectionConfig, purpose: ClientPurpose): RedisClient {
  return clusterSeedsOf(config) ? createClusterClient(config, purpose) : createRedisClient(config, purpose)
}
