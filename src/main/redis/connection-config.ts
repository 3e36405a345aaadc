import { CLUSTER_UNSUPPORTED } from './cluster-detect'
import { hasTlsSettings, tlsSettingsFromEnv, type RedisTlsSettings } from './tls-options'

/**
 * Where and how to reach Redis, from REDIS_URL and the seed's REDIS_* variables.
 * The password travels only inside this object; anything shown or logged goes
 * through redactUrl().
 */
export interface RedisConnectionConfig {
  /** redis:// or rediss:// URL; may carry user:pass@ and /db. Default redis://127.0.0.1:6379/0. */
  url: string
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

function numberFrom(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return undefined
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`)
  return value
}

export function redisConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RedisConnectionConfig {
  const url = env.REDIS_URL?.trim() || DEFAULT_REDIS_URL
  parseRedisUrl(url) // fail early with a clear message
  const config: RedisConnectionConfig = { url }
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
    const value = numberFrom(env, name)
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
}

export function parseRedisUrl(url: string): ParsedRedisUrl {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(`Redis URL is not a valid URL (expected redis://host:port/db)`)
  }
  if (parsed.protocol === 'redis+cluster:' || parsed.protocol === 'rediss+cluster:') {
    throw new Error(`Redis URL ${parsed.protocol}// names a Cluster: ${CLUSTER_UNSUPPORTED}`)
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new Error(`Redis URL must start with redis:// or rediss://, got ${parsed.protocol}//`)
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

/** The URL with the password removed, e.g. redis://user@127.0.0.1:6390/0. */
export function redactUrl(config: RedisConnectionConfig): string {
  try {
    const parsed = parseRedisUrl(config.url)
    const user = config.username ?? parsed.username
    const scheme = usesTls(config) ? 'rediss' : 'redis'
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
