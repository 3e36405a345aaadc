import type { Redis } from 'ioredis'
import type { AgentInfo, StreamInfo } from '@shared/api/models'
import { roleGroup } from '@shared/keys'
import { consumerAgents } from './consumer-agents'

/** The consumers of role groups are re-read at most this often (the Agents view asks every second). */
export const ROLE_CONSUMERS_CACHE_MS = 5_000
/** Bound on the role streams looked at. */
export const ROLE_STREAMS_MAX = 500

const cache = new WeakMap<Redis, { atMs: number; streams: StreamInfo[] }>()

function flat(reply: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (Array.isArray(reply)) for (let i = 0; i + 1 < reply.length; i += 2) out[String(reply[i])] = reply[i + 1]
  return out
}

/** Consumers of every `cg:role:*` group: SCAN for role streams, then one XINFO CONSUMERS each. */
async function readRoleGroups(redis: Redis): Promise<StreamInfo[]> {
  const keys: string[] = []
  let cursor = '0'
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', 'stream:role:*', 'COUNT', 1000, 'TYPE', 'stream')
    cursor = next
    keys.push(...found)
  } while (cursor !== '0' && keys.length < ROLE_STREAMS_MAX)
  const pipe = redis.pipeline()
  const roles = keys.slice(0, ROLE_STREAMS_MAX).map((key) => key.slice('stream:role:'.length))
  for (const role of roles) pipe.xinfo('CONSUMERS', `stream:role:${role}`, roleGroup(role))
  const replies = roles.length ? ((await pipe.exec()) ?? []) : []
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
export async function roleConsumerAgents(redis: Redis, known: readonly AgentInfo[], nowMs: number = Date.now()): Promise<AgentInfo[]> {
  let entry = cache.get(redis)
  if (!entry || nowMs - entry.atMs >= ROLE_CONSUMERS_CACHE_MS) {
    entry = { atMs: nowMs, streams: await readRoleGroups(redis) }
    cache.set(redis, entry)
  }
  return consumerAgents(entry.streams, known, nowMs)
}
