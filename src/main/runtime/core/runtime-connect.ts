// A runtime's first contact with Redis: connections, version floor, Cluster detection, clear errors.
import { redactUrl, type RedisConnectionConfig } from '../../redis/connection-config'
import { isNoPermission, noPermissionSentence } from '../../redis/acl-errors'
import type { RedisClient } from '../../redis/client-type'
import { resolveClusterConfig } from '../../redis/cluster-detect'
import { createRedisClientFor } from '../../redis/create-client'
import { checkRedisVersion } from '../../redis/version-floor'
import { waitForFirstReady } from '../../redis/wait-ready'
import type { ControlBus } from '../control/control-bus'
import { logger } from '../../log/logger'

/**
 * The first answer from Redis: a certificate or password Redis refuses ends
 * start() with its reason instead of a silent hang; below Redis 6.2 it
 * throws with what is missing, and a version short of some feature warns.
 */
export async function awaitRedis(commands: RedisClient, config: RedisConnectionConfig, reportError: (error: Error) => void): Promise<void> {
  const label = redactUrl(config)
  await waitForFirstReady(commands, {
    label,
    onSlow: (reason) => reportError(new Error(`no answer from ${label} yet (${reason}); still trying`)),
  })
  const versionWarning = await checkRedisVersion(commands)
  if (versionWarning) reportError(new Error(versionWarning))
}

/**
 * The runtime's command connection, and the config every other connection
 * uses: a Cluster named by the config (REDIS_CLUSTER_NODES, redis+cluster://)
 * or detected (the plain URL's server answers cluster_enabled:1) gets an
 * ioredis Cluster client, which follows each key to the master of its slot.
 */
export async function connectCommands(
  config: RedisConnectionConfig,
  reportError: (error: Error) => void,
  onClient: (client: RedisClient) => void,
): Promise<{ commands: RedisClient; config: RedisConnectionConfig }> {
  let commands = createRedisClientFor(config, 'command')
  onClient(commands)
  await awaitRedis(commands, config, reportError)
  const resolved = await resolveClusterConfig(config, commands)
  if (resolved !== config) {
    logger('runtime').info(`${redactUrl(config)} is a Redis Cluster node: using it as the Cluster's seed`)
    commands.disconnect()
    commands = createRedisClientFor(resolved, 'command')
    onClient(commands)
    await awaitRedis(commands, resolved, reportError)
  }
  return { commands, config: resolved }
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
