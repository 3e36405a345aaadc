// The agent registry: heartbeats stored in Redis, read back as rows with liveness.
import type { RedisClient } from '../../redis/client-type'
import type { AgentInfo } from '@shared/api/models'
import { AGENT_REGISTRY } from '@shared/keys'
import type { AgentHeartbeat } from '@shared/records'

/** An agent silent for this many heartbeat intervals is dead. */
export const DEAD_AFTER_INTERVALS = 3
/** Registry rows of agents dead this long are removed by live runtimes. */
export const REGISTRY_PRUNE_AFTER_SEC = 3600

export function isDead(beat: AgentHeartbeat, nowSec: number): boolean {
  return beat.status !== 'stopped' && nowSec - beat.ts > DEAD_AFTER_INTERVALS * Math.max(beat.interval, 0.1)
}

/** A registry row; `source` is set on rows written for agents known only by their lifecycle events. */
export type RegistryRow = AgentHeartbeat & { source?: 'lifecycle'; writes?: string[] }

export function heartbeatToInfo(beat: RegistryRow, nowSec: number, local: boolean): AgentInfo {
  return {
    agentId: beat.agent_id,
    role: beat.role,
    host: beat.host,
    pid: beat.pid,
    status: isDead(beat, nowSec) ? 'dead' : beat.status,
    local,
    runs: beat.runs,
    avgTimeSec: beat.avg_time,
    lastHeartbeatTs: beat.ts,
    startedTs: beat.started_ts,
    source: beat.source ?? 'switchyard',
    ...(beat.writes && beat.writes.length > 0 ? { writes: beat.writes } : {}),
  }
}

export function parseHeartbeat(text: string): RegistryRow | null {
  try {
    const value = JSON.parse(text) as Partial<RegistryRow>
    if (typeof value.agent_id !== 'string' || typeof value.role !== 'string' || typeof value.ts !== 'number') return null
    return {
      agent_id: value.agent_id,
      role: value.role,
      host: String(value.host ?? ''),
      pid: Number(value.pid ?? 0),
      status: value.status ?? 'idle',
      busy: Boolean(value.busy),
      runs: Number(value.runs ?? 0),
      avg_time: Number(value.avg_time ?? 0),
      started_ts: Number(value.started_ts ?? value.ts),
      ts: value.ts,
      interval: Number(value.interval ?? 5),
      ...(value.source === 'lifecycle' ? { source: 'lifecycle' as const } : {}),
      ...(Array.isArray(value.writes) ? { writes: value.writes.filter((w) => typeof w === 'string').slice(0, 32) } : {}),
    }
  } catch {
    return null
  }
}

export async function readHeartbeats(redis: RedisClient): Promise<RegistryRow[]> {
  const all = await redis.hgetall(AGENT_REGISTRY)
  return Object.values(all)
    .map(parseHeartbeat)
    .filter((beat): beat is RegistryRow => beat !== null)
}

/** Agents on every host, from their heartbeats; dead = no heartbeat for 3 intervals. */
export async function readAgentRegistry(redis: RedisClient, nowMs: number = Date.now()): Promise<AgentInfo[]> {
  const nowSec = nowMs / 1000
  return (await readHeartbeats(redis))
    .map((beat) => heartbeatToInfo(beat, nowSec, false))
    .sort((a, b) => a.role.localeCompare(b.role) || a.agentId.localeCompare(b.agentId))
}
