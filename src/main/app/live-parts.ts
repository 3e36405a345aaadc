import { join } from 'node:path'
import { Inspector } from '../inspector'
import { isCluster, type RedisClient } from '../redis/client-type'
import { asClusterSeed, isClusterNode } from '../redis/cluster-detect'
import type { RedisConnectionConfig } from '../redis/connection-config'
import { createRedisClientFor } from '../redis/create-client'
import { AgentRuntime, type runtimeOptionsFromEnv } from '../runtime'
import type { EventBus } from './event-bus'
import { HealthMonitor, type Health } from './health-monitor'

/** One live connection and everything built on it. */
export interface Live {
  config: RedisConnectionConfig
  embedded: boolean
  /** One server's connection, or an ioredis Cluster (config.cluster, a +cluster URL, or detected). */
  client: RedisClient
  runtime: AgentRuntime
  inspector: Inspector
  health: HealthMonitor
  /** What built it: a detected Cluster is rebuilt from it with the Cluster's config. */
  spec: LiveSpec
}

export interface LiveSpec {
  config: RedisConnectionConfig
  embedded: boolean
  /** Redacted URL, for the audit stream. */
  label: string
  dataDir: string
  bus: EventBus
  envOptions: ReturnType<typeof runtimeOptionsFromEnv>
  onHealth: (health: Health) => void
}

/** Client, runtime, inspector and health monitor on one connection; nothing started yet. */
export function buildLive(spec: LiveSpec): Live {
  const { config, bus } = spec
  const client = createRedisClientFor(config, 'command')
  // STATS_DIR wins over the data folder's stats/ when given.
  const runtime = new AgentRuntime({ statsDir: join(spec.dataDir, 'stats'), ...spec.envOptions, redis: config })
  const inspector = new Inspector({
    redis: client,
    // Tails and result waits block: each gets connections of its own, never the shared client's.
    createBlockingClient: () => createRedisClientFor(config, 'blocking'),
    publish: bus.publish,
    connectionLabel: spec.label,
    isWatched: (topic) => bus.hasListeners(topic),
  })
  const health = new HealthMonitor(client, spec.onHealth)
  return { config, embedded: spec.embedded, client, runtime, inspector, health, spec }
}

/**
 * Automatic detection: a plain redis:// URL whose server answers
 * cluster_enabled:1 is a Cluster's seed; the config to rebuild with, or null.
 */
export async function detectedClusterConfig(live: Live): Promise<RedisConnectionConfig | null> {
  if (live.embedded || isCluster(live.client)) return null
  return (await isClusterNode(live.client)) ? asClusterSeed(live.config) : null
}

/** Ordered, each step on its own: one failing part must not keep the others open. */
export async function teardownLive(live: Live): Promise<void> {
  live.health.stop()
  await live.inspector.close().catch(() => undefined)
  await live.runtime.close().catch(() => undefined)
  await live.client.quit().catch(() => live.client.disconnect())
}
