import { z } from 'zod'

/**
 * The topology and agent models (interop8's): what the inspector's snapshot
 * and ListAgents hand to the renderer. The graph's field names are stable:
 * the renderer draws from them. Re-exported by models.ts.
 */
export const agentStatusSchema = z.enum(['starting', 'idle', 'busy', 'paused', 'stopping', 'stopped', 'dead'])
export const agentInfoSchema = z.object({
  agentId: z.string(),
  role: z.string(),
  host: z.string(),
  pid: z.number().nullable(),
  status: agentStatusSchema,
  /** Started by this process's runtime (so it can be stopped directly). */
  local: z.boolean(),
  runs: z.number(),
  avgTimeSec: z.number(),
  lastHeartbeatTs: z.number(),
  startedTs: z.number(),
  /**
   * How the agent is known: `switchyard` = a Switchyard runtime's heartbeats;
   * `lifecycle` = only seed 001 lifecycle events on broadcast:role:stat (an
   * agent in any language); `consumer` = "seen as consumer": a consumer of a
   * group that sends no heartbeat at all. Absent means `switchyard`.
   */
  source: z.enum(['switchyard', 'lifecycle', 'consumer']).optional(),
  /** For `consumer` agents: ms since the consumer last read or acked (XINFO CONSUMERS idle). */
  idleMs: z.number().nullable().optional(),
  /** For `consumer` agents: the stream and group it was seen in. */
  consumerOf: z.object({ stream: z.string(), group: z.string() }).optional(),
  /** Streams the agent reports writing to (flat-field agents, other languages): graph write edges. */
  writes: z.array(z.string()).optional(),
})
export type AgentInfo = z.infer<typeof agentInfoSchema>

export const consumerInfoSchema = z.object({
  name: z.string(),
  pending: z.number(),
  idleMs: z.number(),
  /** Redis 7.2+ only; null on older servers. */
  inactiveMs: z.number().nullable(),
})
export type ConsumerInfo = z.infer<typeof consumerInfoSchema>

export const groupInfoSchema = z.object({
  name: z.string(),
  consumers: z.array(consumerInfoSchema),
  pending: z.number(),
  lastDeliveredId: z.string(),
  entriesRead: z.number().nullable(),
  lag: z.number().nullable(),
})
export type GroupInfo = z.infer<typeof groupInfoSchema>

export const streamInfoSchema = z.object({
  key: z.string(),
  length: z.number(),
  firstId: z.string().nullable(),
  lastId: z.string().nullable(),
  memoryBytes: z.number().nullable(),
  /** Entries added per second since the previous snapshot. */
  ratePerSec: z.number(),
  groups: z.array(groupInfoSchema),
})
export type StreamInfo = z.infer<typeof streamInfoSchema>

export const graphNodeSchema = z.object({
  id: z.string(),
  kind: z.enum(['stream', 'role', 'agent', 'list', 'external']),
  label: z.string(),
  /** Stream length; running instances of a role; result lists (see countEstimated). */
  count: z.number(),
  pending: z.number(),
  /** Roles: instances running now (idle, busy, paused, starting); stopped and dead not counted. */
  running: z.number().optional(),
  /** Roles: instances known but dead (no heartbeat for 3 intervals). */
  dead: z.number().optional(),
  /** Roles: `down` = none running, `degraded` = some running and some dead, `ok` otherwise. */
  health: z.enum(['ok', 'degraded', 'down']).optional(),
  /** The count is an estimate (result lists: a capped SCAN sample); the label should say "≈". */
  countEstimated: z.boolean().optional(),
})
export const graphEdgeSchema = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  kind: z.enum(['reads', 'writes']),
  /** reads: the stream's entries added/s (XINFO entries-added deltas); writes: journaled hops/s. 0 when idle. */
  ratePerSec: z.number(),
  /** reads edges: the consumer group behind the edge. */
  group: z.string().optional(),
  /** reads edges: the group's lag (entries not yet delivered); null when Redis cannot tell. */
  lag: z.number().nullable().optional(),
  /** reads edges: the group's pending entries (delivered, not acked). */
  pending: z.number().optional(),
})
export type GraphNode = z.infer<typeof graphNodeSchema>
export type GraphEdge = z.infer<typeof graphEdgeSchema>

export const topologySnapshotSchema = z.object({
  ts: z.number(),
  streams: z.array(streamInfoSchema),
  agents: z.array(agentInfoSchema),
  graph: z.object({ nodes: z.array(graphNodeSchema), edges: z.array(graphEdgeSchema) }),
  /** Stream keys found; `truncated` when over the snapshot's bound. */
  streamCount: z.number(),
  truncated: z.boolean(),
  /** What the Redis user may not read (NOPERM), one sentence each; the rest of the snapshot is there. */
  unreadable: z.array(z.string()).optional(),
})
export type TopologySnapshot = z.infer<typeof topologySnapshotSchema>
