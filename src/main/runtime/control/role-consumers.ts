// The consumers of every role group, re-read at a bounded rate for the Agents view.
import { mastersOf, type RedisClient } from '../../redis/client-type'
import type { AgentInfo, StreamInfo } from '@shared/api/models'
import { roleGroup } from '@shared/keys'
import { consumerAgents } from './consumer-agents'

/** The consumers of role groups are re-read at most this often (the Agents view asks every second). */
export const ROLE_CONSUMERS_CACHE_MS = 5_000
/** Bound on the role streams looked at. */
export const ROLE_STREAMS_MAX = 500

const cache = new WeakMap<RedisClient, { atMs: number; streams: StreamInfo[] }>()

function flat(reply: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (Array.isArray(reply)) for (let i = 0; i + 1 < reply.length; i += 2) out[String(reply[i])] = reply[i + 1]
  return out
}

/** Consumers of every `cg:role:*` group: SCAN for role streams, then one XINFO CONSUMERS each. */
async function readRoleGroups(redis: RedisClient): Promise<StreamInfo[]> {
  const keys: string[] = []
  // A Cluster's keys are spread over its masters: each is scanned.
  for (const node of mastersOf(redis)) {
    let cursor = '0'
    do {
      const [next, found] = await node.scan(cursor, 'MATCH', 'stream:role:*', 'COUNT', 1000, 'TYPE', 'stream')
      cursor = next
      keys.push(...found)
    } while (cursor !== '0' && keys.length < ROLE_STREAMS_MAX)
  }
  const roles = keys.slice(0, ROLE_STREAMS_MAX).map((key) => key.slice('stream:role:'.length))
  // One XINFO per key, each routed to its own slot's master (a pipeline may not span slots).
  const replies: Array<[Error | null, unknown]> = await Promise.all(
    roles.map((role) => redis.xinfo('CONSUMERS', `stream:role:${role}`, roleGroup(role)).then((reply): [null, unknown] => [null, reply], (error: Error): [Error, null] => [error, null])),
  )
  return roles.map((role, i) => {
    const [error, reply] = replies[i] ?? [null, []]
    const consumers = !error && Array.isArray(reply) ? reply.map(flat) : []
    return {
      key: `stream:role:${role}`, length: 0, firstId: null, lastId: null, memoryBytes: null, ratePerSec: 0,
      groups: [{
        name: roleGroup(role), pending: 0, lastDeliveredId: '0-0', entriesRead: null, lag: null,
        consumers: consumers.map((c) => ({ name: String(c.name), pending: Number(c.pending ?? 0), idleMs: Number(c.idle ?? 0), inactiveMs: null })),
      }],
    }
  })
}

/** Agents seen only as consumers of a role group (no heartbeat, no lifecycle event), from a short cache. */
export async function roleConsumerAgents(redis: RedisClient, known: readonly AgentInfo[], nowMs: number = Date.now()): Promise<AgentInfo[]> {
  let entry = cache.get(redis)
  if (!entry || nowMs - entry.atMs >= ROLE_CONSUMERS_CACHE_MS) {
    entry = { atMs: nowMs, streams: await readRoleGroups(redis) }
    cache.set(redis, entry)
  }
  return consumerAgents(entry.streams, known, nowMs)
}
