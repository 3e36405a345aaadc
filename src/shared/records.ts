/**
 * Field layouts of the stream entries Switchyard itself writes, so the runtime
 * (writer) and the inspector (reader) agree. All values are strings in Redis.
 */

/** switchyard:journal — one entry per hop, the envelope as it left the hop. */
export const journalFields = {
  messageId: 'message_id',
  conversationId: 'conversation_id',
  role: 'role',
  agentId: 'agent_id',
  /** The stream or result list the envelope went to. */
  destination: 'destination',
  /** JSON of the envelope as it left this hop. */
  envelope: 'envelope',
  ts: 'ts',
} as const

/** switchyard:violations — one entry per safety-limit violation. */
export const violationFields = {
  kind: 'kind', // process_count | processing_time | age
  message: 'message', // the seed's text, e.g. "Process count limit exceeded: 50 >= 50"
  messageId: 'message_id',
  conversationId: 'conversation_id',
  role: 'role',
  agentId: 'agent_id',
  processCount: 'process_count',
  totalProcessingTime: 'total_processing_time',
  ageSec: 'age_sec',
  ts: 'ts',
  envelope: 'envelope',
} as const

/**
 * switchyard:dlq:{source stream} — the original fields verbatim, plus these
 * metadata fields (prefixed so replay can strip them and re-add the original).
 */
export const DEAD_LETTER_META_PREFIX = 'dlq_'
export const deadLetterFields = {
  reason: 'dlq_reason',
  sourceStream: 'dlq_source_stream',
  sourceId: 'dlq_source_id',
  group: 'dlq_group',
  consumer: 'dlq_consumer',
  deliveries: 'dlq_deliveries',
  ts: 'dlq_ts',
  /** Where a hop that could not deliver meant to deliver (e.g. a result list that is a hash). */
  destination: 'dlq_destination',
  /** The envelope as that hop produced it (the original entry is the replayable copy). */
  envelopeOut: 'dlq_envelope_out',
} as const

/**
 * switchyard:agents — a hash: agent_id -> JSON of AgentHeartbeat, refreshed with
 * every heartbeat; an agent whose ts is older than 3 heartbeat intervals is dead.
 */
export interface AgentHeartbeat {
  agent_id: string
  role: string
  host: string
  pid: number
  status: 'starting' | 'idle' | 'busy' | 'paused' | 'stopping' | 'stopped'
  busy: boolean
  runs: number
  avg_time: number
  started_ts: number
  ts: number
  /** Seconds between heartbeats, so readers know when to call it dead. */
  interval: number
}

/** switchyard:audit — one entry per operator write through the inspector. */
export const auditFields = {
  action: 'action',
  connection: 'connection',
  details: 'details', // JSON
  ts: 'ts',
} as const
