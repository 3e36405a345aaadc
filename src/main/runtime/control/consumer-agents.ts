// Agents seen only as consumers of role groups (agents in other languages, without lifecycle events).
import type { AgentInfo, StreamInfo } from '@shared/api/models'

/** A consumer idle less than this counts as running (it read or acked lately). */
export const CONSUMER_ACTIVE_MS = 60_000

/**
 * Consumers of groups that no heartbeat or lifecycle event names: agents too,
 * "seen as consumer", with their idle time. Switchyard's consumer name is the
 * agent id, so a consumer named like a known agent is that agent, not another.
 */
export function consumerAgents(streams: readonly StreamInfo[], known: readonly AgentInfo[], nowMs: number = Date.now()): AgentInfo[] {
  const knownIds = new Set(known.map((a) => a.agentId))
  const seen = new Map<string, AgentInfo>()
  for (const stream of streams) {
    for (const group of stream.groups) {
      if (group.name.startsWith('cg:agent:')) continue // an agent's own group: its consumer is that agent
      for (const c of group.consumers) {
        if (knownIds.has(c.name)) continue
        const before = seen.get(c.name)
        if (before && (before.idleMs ?? Infinity) <= c.idleMs) continue
        const lastSec = (nowMs - c.idleMs) / 1000
        seen.set(c.name, {
          agentId: c.name,
          role: roleOfGroup(group.name),
          host: '',
          pid: null,
          status: c.idleMs < CONSUMER_ACTIVE_MS ? (c.pending > 0 ? 'busy' : 'idle') : 'dead',
          local: false,
          runs: 0,
          avgTimeSec: 0,
          lastHeartbeatTs: lastSec,
          startedTs: lastSec,
          source: 'consumer',
          idleMs: c.idleMs,
          consumerOf: { stream: stream.key, group: group.name },
        })
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.role.localeCompare(b.role) || a.agentId.localeCompare(b.agentId))
}

/** The role a group stands for by the seeds' naming; otherwise the group's own name. */
export function roleOfGroup(group: string): string {
  if (group.startsWith('cg:role:')) return group.slice('cg:role:'.length)
  if (group.endsWith('-group') && group.length > '-group'.length) return group.slice(0, -'-group'.length)
  return group
}
