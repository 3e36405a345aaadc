// Seed 001's lifecycle events: parsing and normalising what an agent announces.
import type { AgentHeartbeat } from '@shared/records'
import { MAX_REPORTED_WRITES, type LifecycleEvent, type LifecycleEventName } from './lifecycle'

const EVENTS: readonly LifecycleEventName[] = ['init', 'heartbeat', 'reload', 'exit']
const STATUSES: readonly AgentHeartbeat['status'][] = ['starting', 'idle', 'busy', 'paused', 'stopping', 'stopped']
/**
 * Heartbeat period assumed for an agent that does not say (seed 001 names none):
 * generous, so a slow foreign agent is not called dead between two beats.
 */
export const FOREIGN_HEARTBEAT_INTERVAL_SEC = 10

const num = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback

/**
 * Seed 001's lifecycle event as any agent may publish it — only `kind`,
 * `event`, `role`, `agent_id`, `busy`, `ts` are required — completed with
 * defaults for everything Switchyard adds (status, runs, avg_time, host, pid,
 * interval, started_ts). Null when it is not a lifecycle event at all.
 * `foreign` is set when the publisher is not a Switchyard runtime (no `envelopes` totals).
 */
export function normalizeLifecycleEvent(raw: unknown, nowSec: number = Date.now() / 1000): (LifecycleEvent & { foreign: boolean }) | null {
  if (!raw || typeof raw !== 'object') return null
  const e = raw as Record<string, unknown>
  if (e.kind !== 'status' || typeof e.agent_id !== 'string' || !e.agent_id || typeof e.role !== 'string') return null
  const event = (EVENTS as readonly unknown[]).includes(e.event) ? (e.event as LifecycleEventName) : 'heartbeat'
  const busy = e.busy === true
  const given = (STATUSES as readonly unknown[]).includes(e.status) ? (e.status as AgentHeartbeat['status']) : null
  const status: AgentHeartbeat['status'] = event === 'exit' ? 'stopped' : (given ?? (busy ? 'busy' : 'idle'))
  const ts = num(e.ts, nowSec)
  const envelopes = e.envelopes && typeof e.envelopes === 'object' ? (e.envelopes as LifecycleEvent['envelopes']) : undefined
  return {
    kind: 'status',
    event,
    role: e.role,
    agent_id: e.agent_id,
    busy,
    ts,
    host: typeof e.host === 'string' ? e.host : '',
    pid: num(e.pid, 0),
    status,
    runs: num(e.runs, 0),
    avg_time: num(e.avg_time, 0),
    started_ts: num(e.started_ts, ts),
    interval: num(e.interval, FOREIGN_HEARTBEAT_INTERVAL_SEC),
    envelopes: envelopes ?? { count: 0, age_sum: 0, time_sum: 0, steps_sum: 0, recent: [] },
    foreign: envelopes === undefined,
    ...(Array.isArray(e.writes) ? { writes: e.writes.filter((w): w is string => typeof w === 'string').slice(0, MAX_REPORTED_WRITES) } : {}),
  }
}

/** The registry row (switchyard:agents) of a lifecycle event; `source` marks agents known only by their events. */
export function registryRowOf(event: LifecycleEvent, source: 'switchyard' | 'lifecycle'): string {
  const { kind: _kind, event: name, envelopes: _envelopes, ...beat } = event as LifecycleEvent & { foreign?: boolean }
  delete (beat as { foreign?: boolean }).foreign
  const row: AgentHeartbeat & { source?: string } = { ...beat, status: name === 'exit' ? 'stopped' : beat.status }
  if (source === 'lifecycle') row.source = 'lifecycle'
  return JSON.stringify(row)
}
