// Closing a runtime in order: agents stopped, final statistics written, connections closed.
import type { RedisClient } from '../../redis/client-type'
import { REDIS_DEFAULTS, type RedisConnectionConfig } from '../../redis/connection-config'
import type { Doorbell } from '../reader/doorbell'
import { withDeadline } from './async-utils'
import { STOP_BOUND_MS, type StreamAgent } from './stream-agent'

/** The stats agent (stopped last) gets at least this long to write its final report. */
const MIN_STATS_STOP_MS = 250
/** Bound on closing the Redis connections at shutdown. */
export const REDIS_CLOSE_BOUND_MS = 1_000

/**
 * Stops agents within one 2 s budget (even when Redis is gone and every stop
 * would wait out its own bound), the stats agent last so its final report sees every exit.
 */
export async function stopAgentsInOrder(all: StreamAgent[]): Promise<void> {
  const isStats = (a: StreamAgent): boolean => a.role === 'stats'
  const deadline = Date.now() + STOP_BOUND_MS
  const stopWithin = (agents: StreamAgent[]): Promise<unknown> =>
    withDeadline(
      Promise.all(agents.map((a) => a.stop({ drain: true }).catch(() => undefined))),
      Math.max(MIN_STATS_STOP_MS, deadline - Date.now()),
      () => undefined,
    ).catch(() => undefined)
  await stopWithin(all.filter((a) => !isStats(a)))
  await stopWithin(all.filter(isStats))
}

/** Quits together: the 1 s bound is for Redis as a whole, not per connection. */
export async function quitWithin(clients: Array<RedisClient | null | undefined>): Promise<void> {
  await Promise.all(
    clients
      .filter((c): c is RedisClient => Boolean(c))
      .map((client) => withDeadline(client.quit(), REDIS_CLOSE_BOUND_MS, () => client.disconnect()).catch(() => client.disconnect())),
  )
}

/** The doorbell first (it holds a blocking read), then every connection together. */
export async function closeConnections(doorbell: Doorbell | null, clients: Array<RedisClient | null>): Promise<void> {
  await withDeadline(doorbell?.close() ?? Promise.resolve(), REDIS_CLOSE_BOUND_MS, () => undefined).catch(() => undefined)
  await quitWithin([doorbell?.connection, ...clients])
}

/** Command + subscriber + doorbell + one blocking connection per agent must stay within REDIS_MAX_CONNECTIONS. */
export function checkConnectionBudget(redis: RedisConnectionConfig, runningAgents: number): void {
  const max = redis.maxConnections ?? REDIS_DEFAULTS.maxConnections
  if (3 + runningAgents + 1 > max) {
    throw new Error(`starting another agent would open ${4 + runningAgents} Redis connections, over REDIS_MAX_CONNECTIONS=${max}`)
  }
}

/** The (stream, group) pairs some agents read, once each. */
export function distinctInputs(agents: Iterable<StreamAgent>): Array<{ stream: string; group: string }> {
  const seen = new Map<string, { stream: string; group: string }>()
  for (const agent of agents) for (const input of agent.sharedInputs()) seen.set(`${input.stream}\n${input.group}`, input)
  return [...seen.values()]
}
