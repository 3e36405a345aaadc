import { join } from 'node:path'
import type { Redis } from 'ioredis'
import { Inspector } from '../inspector'
import type { RedisConnectionConfig } from '../redis/connection-config'
import { createRedisClient } from '../redis/create-client'
import { AgentRuntime, type runtimeOptionsFromEnv } from '../runtime'
import type { EventBus } from './event-bus'
import { HealthMonitor, type Health } from './health-monitor'

/** One live connection and everything built on it. */
export interface Live {
  config: RedisConnectionConfig
  embedded: boolean
  client: Redis
  runtime: AgentRuntime
  inspector: Inspector
  health: HealthMonitor
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
  const client = createRedisClient(config, 'command')
  // STATS_DIR wins over the data folder's stats/ when given.
  const runtime = new AgentRuntime({ statsDir: join(spec.dataDir, 'stats'), ...spec.envOptions, redis: config })
  const inspector = new Inspector({
    redis: client,
    createBlockingClient: () => createRedisClient(config, 'blocking'),
    publish: bus.publish,
    connectionLabel: spec.label,
    isWatched: (topic) => bus.hasListeners(topic),
  })
  const health = new HealthMonitor(client, spec.onHealth)
  return { config, embedded: spec.embedded, client, runtime, inspector, health }
}

/** Ordered, each step on its own: one failing part must not keep the others open. */
export async function teardownLive(live: Live): Promise<void> {
  live.health.stop()
  await live.inspector.close().catch(() => undefined)
  await live.runtime.close().catch(() => undefined)
  await live.client.quit().catch(() => live.client.disconnect())
}
