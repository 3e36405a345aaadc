// Automatic detection: a plain redis:// URL whose server is a Cluster node becomes that Cluster's seed.
import type { RedisClient } from './client-type'
import { clusterSeedsOf, parseRedisUrl, redactUrl, REDIS_DEFAULTS, type RedisConnectionConfig } from './connection-config'
import { createRedisClient } from './create-client'
import { waitForFirstReady } from './wait-ready'

/** True when the server answers INFO cluster with cluster_enabled:1; a user who may not run INFO reads as "not a Cluster". */
export async function isClusterNode(redis: RedisClient): Promise<boolean> {
  try {
    return /cluster_enabled:1/.test(await redis.info('cluster'))
  } catch {
    return false
  }
}

/** The config with `cluster` set to the URL's host as the only seed (ioredis learns the rest from CLUSTER SLOTS). */
export function asClusterSeed(config: RedisConnectionConfig): RedisConnectionConfig {
  const target = parseRedisUrl(config.url)
  if (target.db !== 0) throw new Error(`${redactUrl(config)} is a Redis Cluster node: a Cluster has only database 0, not ${target.db}`)
  return { ...config, cluster: { nodes: [{ host: target.host, port: target.port }] } }
}

/**
 * The config as it must be used: unchanged when it already names a Cluster or
 * the server is a single Redis; with `cluster` set when the server answers
 * cluster_enabled:1. `probe`, when given, is an open single-server connection
 * to the URL (used instead of opening one).
 */
export async function resolveClusterConfig(config: RedisConnectionConfig, probe?: RedisClient): Promise<RedisConnectionConfig> {
  if (clusterSeedsOf(config)) return config
  if (probe) return (await isClusterNode(probe)) ? asClusterSeed(config) : config
  const own = createRedisClient(config, 'command')
  try {
    const timeoutMs = (config.connectTimeoutSec ?? REDIS_DEFAULTS.connectTimeoutSec) * 1000
    await waitForFirstReady(own, { label: redactUrl(config), timeoutMs })
    return (await isClusterNode(own)) ? asClusterSeed(config) : config
  } finally {
    own.disconnect()
  }
}
