import type { Redis } from 'ioredis'
import { redactUrl, type RedisConnectionConfig } from '../../redis/connection-config'
import { isNoPermission, noPermissionSentence } from '../../redis/acl-errors'
import { isClusterNode } from '../../redis/cluster-detect'
import { checkRedisVersion } from '../../redis/version-floor'
import { waitForFirstReady } from '../../redis/wait-ready'
import type { ControlBus } from '../control/control-bus'

/**
 * The first answer from Redis: a certificate or password Redis refuses ends
 * start() with its reason instead of a silent hang; below Redis 6.2 it
 * throws with what is missing, and a version short of some feature warns;
 * a Redis Cluster node is refused with a sentence.
 */
export async function awaitRedis(commands: Redis, config: RedisConnectionConfig, reportError: (error: Error) => void): Promise<void> {
  const label = redactUrl(config)
  await waitForFirstReady(commands, {
    label,
    onSlow: (reason) => reportError(new Error(`no answer from ${label} yet (${reason}); still trying`)),
  })
  const versionWarning = await checkRedisVersion(commands)
  if (versionWarning) reportError(new Error(versionWarning))
  // Until the runtime's Cluster hop lands: a clear sentence instead of MOVED on the first hop.
  if (await isClusterNode(commands)) throw new Error('Redis Cluster is not supported by the runtime yet (this server answers cluster_enabled:1)')
}

/**
 * Subscribes the control bus; answers null when the user lacks pub/sub
 * rights: agents still run, only control commands and lifecycle events are missing.
 */
export async function startBusIfAllowed(bus: ControlBus, reportError: (error: Error) => void): Promise<ControlBus | null> {
  try {
    await bus.start()
    return bus
  } catch (error) {
    if (!isNoPermission(error)) throw error
    reportError(new Error(`no control commands or lifecycle events here: ${noPermissionSentence(error, 'broadcast:*')} (or &broadcast:*)`))
    return null
  }
}
