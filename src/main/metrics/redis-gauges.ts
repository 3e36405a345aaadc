import type { Gauge } from 'prom-client'
import type { AgentInfo } from '@shared/api'
import type { RedisClient } from '../redis/client-type'

/** What the scrape reads: this process's agents, the groups they read, and a command connection. */
export interface GaugeSource {
  localAgents(): AgentInfo[]
  groups(): Array<{ stream: string; group: string }>
  redis(): RedisClient | null
}

interface Gauges {
  pending: Gauge
  lag: Gauge
  agents: Gauge
  roundTrip: Gauge
  up: Gauge
}

/** Bound on the groups one scrape reads (a process with thousands of agent streams stays cheap). */
export const MAX_SCRAPED_GROUPS = 200

/** Fills the gauges; answers how many Redis reads failed (a refused XINFO under ACL, a lost connection). */
export async function collectRedisGauges(source: GaugeSource, gauges: Gauges): Promise<number> {
  gauges.agents.reset()
  for (const agent of source.localAgents()) gauges.agents.inc({ role: agent.role, status: agent.status })
  const redis = source.redis()
  if (!redis || redis.status !== 'ready') {
    gauges.up.set(0)
    return 1
  }
  let failures = 0
  const started = performance.now()
  try {
    await redis.ping()
    gauges.roundTrip.set((performance.now() - started) / 1000)
    gauges.up.set(1)
  } catch {
    gauges.up.set(0)
    failures += 1
  }
  gauges.pending.reset()
  gauges.lag.reset()
  const byStream = new Map<string, Set<string>>()
  for (const { stream, group } of source.groups().slice(0, MAX_SCRAPED_GROUPS)) {
    byStream.set(stream, (byStream.get(stream) ?? new Set()).add(group))
  }
  await Promise.all(
    [...byStream].map(async ([stream, groups]) => {
      try {
        for (const info of parseGroups(await redis.call('XINFO', 'GROUPS', stream))) {
          if (!groups.has(info.name)) continue
          gauges.pending.set({ stream, group: info.name }, info.pending)
          // lag is null when Redis cannot tell (entries deleted); such a group gets no lag sample.
          if (info.lag !== null) gauges.lag.set({ stream, group: info.name }, info.lag)
        }
      } catch {
        failures += 1
      }
    }),
  )
  return failures
}

function parseGroups(reply: unknown): Array<{ name: string; pending: number; lag: number | null }> {
  if (!Array.isArray(reply)) return []
  return reply.map((flat: unknown[]) => {
    const record = new Map<string, unknown>()
    for (let i = 0; i + 1 < flat.length; i += 2) record.set(String(flat[i]), flat[i + 1])
    const lag = record.get('lag')
    return { name: String(record.get('name')), pending: Number(record.get('pending') ?? 0), lag: lag === null || lag === undefined ? null : Number(lag) }
  })
}
