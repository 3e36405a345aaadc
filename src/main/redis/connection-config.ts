import { envNumber } from '../config/env-number'
import { formatNode, isClusterUrl, parseClusterUrl, parseNodeList, type ClusterNode } from './cluster-url'
import { hasTlsSettings, tlsSettingsFromEnv, type RedisTlsSettings } from './tls-options'

/**
 * Where and how to reach Redis, from REDIS_URL and the seed's REDIS_* variables.
 * The password travels only inside this object; anything shown or logged goes
 * through redactUrl().
 */
export interface RedisConnectionConfig {
  /**
   * redis:// or rediss:// URL; may carry user:pass@ and /db. Default redis://127.0.0.1:6379/0.
   * redis+cluster://h1:p1,h2:p2 (rediss+cluster:// with TLS) names a Cluster's seed nodes.
   */
  url: string
  /** A Redis Cluster reached through these seed nodes (REDIS_CLUSTER_NODES, a +cluster URL, or detection). */
  cluster?: { nodes: ClusterNode[] }
  /** Overrides the URL's user name. */
  username?: string
  /** Overrides the URL's password. Never logged. */
  password?: string
  /** TLS on; implied by rediss:// and by any of tlsSettings. */
  tls?: boolean
  /** REDIS_TLS_CA / _CERT / _KEY / _SERVERNAME / _REJECT_UNAUTHORIZED. */
  tlsSettings?: RedisTlsSettings
  /** REDIS_MAX_CONNECTIONS (default 20): upper bound on connections one process opens. */
  maxConnections?: number
  /** REDIS_RETRY_ATTEMPTS (default 3): retries of a non-blocking command while reconnecting. */
  retryAttempts?: number
  /** REDIS_SOCKET_TIMEOUT (default 5 s): a command connection with no reply this long is dropped. */
  socketTimeoutSec?: number
  /** REDIS_SOCKET_CONNECT_TIMEOUT (default 5 s). */
  connectTimeoutSec?: number
  /** REDIS_HEALTH_CHECK_INTERVAL (default 30 s): PING period for latency and liveness. */
  healthCheckIntervalSec?: number
}

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379/0'
export const REDIS_DEFAULTS = {
  maxConnections: 20,
  retryAttempts: 3,
  socketTimeoutSec: 5,
  connectTimeoutSec: 5,
  healthCheckIntervalSec: 30,
} as const

export function redisConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RedisConnectionConfig {
  const clusterList = env.REDIS_CLUSTER_NODES?.trim()
  const clusterNodes = clusterList ? parseNodeList(clusterList) : undefined
  const url = env.REDIS_URL?.trim() || (clusterNodes ? `redis+cluster://${clusterNodes.map(formatNode).join(',')}` : DEFAULT_REDIS_URL)
  const parsed = parseRedisUrl(url) // fail early with a clear message
  const config: RedisConnectionConfig = { url }
  const nodes = clusterNodes ?? parsed.clusterNodes
  if (nodes) {
    if (parsed.db !== 0) throw new Error(`REDIS_URL names database ${parsed.db}: a Cluster (REDIS_CLUSTER_NODES) has only database 0`)
    config.cluster = { nodes }
  }
  if (env.REDIS_USERNAME) config.username = env.REDIS_USERNAME
  if (env.REDIS_PASSWORD) config.password = env.REDIS_PASSWORD
  if (env.REDIS_TLS) config.tls = /^(1|true|yes)$/i.test(env.REDIS_TLS)
  const tlsSettings = tlsSettingsFromEnv(env)
  if (tlsSettings) config.tlsSettings = tlsSettings
  const numbers: Array<[keyof typeof REDIS_DEFAULTS, string]> = [
    ['maxConnections', 'REDIS_MAX_CONNECTIONS'],
    ['retryAttempts', 'REDIS_RETRY_ATTEMPTS'],
    ['socketTimeoutSec', 'REDIS_SOCKET_TIMEOUT'],
    ['connectTimeoutSec', 'REDIS_SOCKET_CONNECT_TIMEOUT'],
    ['healthCheckIntervalSec', 'REDIS_HEALTH_CHECK_INTERVAL'],
  ]
  for (const [field, name] of numbers) {
    const value = envNumber(env, name)
    if (value !== undefined) config[field] = value
  }
  return config
}

export interface ParsedRedisUrl {
  host: string
  port: number
  db: number
  tls: boolean
  username?: string
  password?: string
  /** Set for redis+cluster:// URLs: every seed node (host and port above are the first). */
  clusterNodes?: ClusterNode[]
}

/** A redis+cluster:// URL as the first seed's host and port, plus every seed. */
function parseClusterAsRedisUrl(url: string): ParsedRedisUrl {
  const cluster = parseClusterUrl(url)
  const first = cluster.nodes[0]!
  const result: ParsedRedisUrl = { host: first.host, port: first.port, db: 0, tls: cluster.tls, clusterNodes: cluster.nodes }
  if (cluster.username) result.username = cluster.username
  if (cluster.password) result.password = cluster.password
  return result
}

export function parseRedisUrl(url: string): ParsedRedisUrl {
  if (isClusterUrl(url)) return parseClusterAsRedisUrl(url)
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(`Redis URL is not a valid URL (expected redis://host:port/db)`)
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new Error(`Redis URL must start with redis:// or rediss:// (redis+cluster:// for a Cluster), got ${parsed.protocol}//`)
  }
  const dbText = parsed.pathname.replace(/^\//, '')
  const db = dbText === '' ? 0 : Number(dbText)
  if (!Number.isInteger(db) || db < 0) throw new Error(`Redis URL database must be a number, got "${dbText}"`)
  const result: ParsedRedisUrl = {
    host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    db,
    tls: parsed.protocol === 'rediss:',
  }
  if (parsed.username) result.username = decodeURIComponent(parsed.username)
  if (parsed.password) result.password = decodeURIComponent(parsed.password)
  return result
}

/** The seed nodes when the config names a Cluster (REDIS_CLUSTER_NODES, a +cluster URL, or detection); null for one server. */
export function clusterSeedsOf(config: RedisConnectionConfig): ClusterNode[] | null {
  if (config.cluster) return config.cluster.nodes
  try {
    return parseRedisUrl(config.url).clusterNodes ?? null
  } catch {
    return null
  }
}

/** The URL with the password removed, e.g. redis://user@127.0.0.1:6390/0 or redis+cluster://user@h1:7000,h2:7001. */
export function redactUrl(config: RedisConnectionConfig): string {
  try {
    const parsed = parseRedisUrl(config.url)
    const user = config.username ?? parsed.username
    const scheme = usesTls(config) ? 'rediss' : 'redis'
    const seeds = clusterSeedsOf(config)
    if (seeds) return `${scheme}+cluster://${user ? `${encodeURIComponent(user)}@` : ''}${seeds.map(formatNode).join(',')}`
    const host = parsed.host.includes(':') ? `[${parsed.host}]` : parsed.host
    return `${scheme}://${user ? `${encodeURIComponent(user)}@` : ''}${host}:${parsed.port}/${parsed.db}`
  } catch {
    return '(invalid Redis URL)'
  }
}

/** TLS on: rediss://, REDIS_TLS=true, or any TLS file or choice given. */
export function usesTls(config: RedisConnectionConfig): boolean {
  let urlTls = false
  try {
    urlTls = parseRedisUrl(config.url).tls
  } catch {
    urlTls = false
  }
  return (config.tls ?? urlTls) || hasTlsSettings(config.tlsSettings)
}
