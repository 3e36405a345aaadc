// Lifecycle events (init, heartbeat, reload, exit) as published on broadcast:role:stat.
import type { RedisClient } from '../../redis/client-type'
import type { AgentHeartbeat } from '@shared/records'
import type { ResolvedRuntimeOptions } from '../core/options'

export type AgentStatus = AgentHeartbeat['status']
export type LifecycleEventName = 'init' | 'heartbeat' | 'reload' | 'exit'

/** Envelopes that reached a result list through one agent: sums, so readers can merge hosts. */
export interface FinalEnvelopeTotals {
  count: number
  age_sum: number
  time_sum: number
  steps_sum: number
  /** The last few, newest last (bounded by RECENT_FINALS). */
  recent: Array<{ age: number; time: number; steps: number }>
}
export const RECENT_FINALS = 10

/**
 * Seed 001's lifecycle event on broadcast:role:stat ({kind, event, role,
 * agent_id, busy, ts}) plus, additively, what the stats agent needs to count
 * runs and draw the registry table of agents on any host.
 */
export interface LifecycleEvent extends AgentHeartbeat {
  kind: 'status'
  event: LifecycleEventName
  envelopes: FinalEnvelopeTotals
  /** Streams the agent wrote to lately (flat-field agents, which keep no journal): the graph's write edges. */
  writes?: string[]
}
/** Bound on the streams one agent reports in `writes`. */
export const MAX_REPORTED_WRITES = 32

/** What an agent needs from the runtime that hosts it. */
export interface AgentContext {
  readonly options: ResolvedRuntimeOptions
  /** Shared non-blocking connection (a single server's, or a Cluster client): every hop's writes go through it. */
  readonly commands: RedisClient
  /** A new connection of the agent's own for its blocking reads (on a Cluster: one per stream read). */
  createBlockingClient(): RedisClient
  readonly host: string
  readonly pid: number
  nextAgentId(): string
  emitLifecycle(event: LifecycleEvent): void
  onLifecycle(listener: (event: LifecycleEvent) => void): () => void
}
