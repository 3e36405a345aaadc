import { z } from 'zod'
import { envelopeSchema } from '../envelope'

export * from './topology-models'
export * from './cluster-models'

/**
 * What the main process hands to the renderer: answers of requests and
 * payloads of pushed events. Schemas first, types inferred from them.
 *
 * Time: every `ts` (and `*_ts`) is seconds since the epoch, as the seeds
 * write them (create_ts, start_ts), records and snapshots alike; durations
 * and ages name their unit (`idleMs`, `ageSec`, `latencyMs`).
 */

export const connectionStateSchema = z.enum(['connecting', 'connected', 'disconnected', 'error'])
export const connectionStatusSchema = z.object({
  state: connectionStateSchema,
  /** The URL without its password, e.g. redis://user@127.0.0.1:6390/0. */
  target: z.string(),
  embedded: z.boolean(),
  latencyMs: z.number().nullable(),
  serverVersion: z.string().nullable(),
  /** Why the last attempt failed, or what to install (embedded Redis missing). */
  error: z.string().nullable(),
  /** Headless mode never stores passwords; desktop mode uses safeStorage. */
  canSavePasswords: z.boolean(),
  /** Connected, but the Redis user may only read (PING refused, reads answered): "connected, read-only". */
  readOnly: z.boolean().optional(),
  /** The connection is to a Redis Cluster (named by the URL or REDIS_CLUSTER_NODES, or detected): connection.nodes lists its nodes. */
  cluster: z.boolean().optional(),
})
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>

export const savedConnectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  username: z.string().nullable(),
  tls: z.boolean(),
  hasPassword: z.boolean(),
  /** TLS files (CA, certificate, key) stored with this connection, sealed like its password. */
  hasTlsFiles: z.boolean(),
  production: z.boolean(),
})
export type SavedConnection = z.infer<typeof savedConnectionSchema>


/** See shared/binary-values: which names and values in `fields` are hex of non-UTF-8 bytes. */
const binaryMarks = { hexValues: z.array(z.string()).optional(), hexNames: z.array(z.string()).optional() }

export const streamEntrySchema = z.object({
  id: z.string(),
  fields: z.record(z.string(), z.string()),
  ...binaryMarks,
  /** Present when the entry carries a valid `envelope` field. */
  envelope: envelopeSchema.optional(),
  /** Why the `envelope` field did not decode, when it is there but bad. */
  envelopeError: z.string().optional(),
})
export type StreamEntry = z.infer<typeof streamEntrySchema>

export const streamPageSchema = z.object({
  stream: z.string(),
  length: z.number(),
  entries: z.array(streamEntrySchema),
  /** Cursor for the next page in the same direction; null at the end. */
  nextCursor: z.string().nullable(),
  /** Cursor for the page in the other direction; null at the start. */
  prevCursor: z.string().nullable(),
})
export type StreamPage = z.infer<typeof streamPageSchema>


export const pendingEntrySchema = z.object({
  id: z.string(),
  consumer: z.string(),
  idleMs: z.number(),
  deliveries: z.number(),
  /** The entry's body; null when it was deleted or trimmed. */
  fields: z.record(z.string(), z.string()).nullable(),
  role: z.string().nullable(),
  stage: z.string().nullable(),
  lastHop: z.string().nullable(),
  /** The envelope's message_id, for its trace (#traces/<id>); absent for flat entries. */
  messageId: z.string().nullable().optional(),
})
export type PendingEntry = z.infer<typeof pendingEntrySchema>

export const pendingPageSchema = z.object({
  stream: z.string(),
  group: z.string(),
  total: z.number(),
  /** Every consumer of the group (XINFO CONSUMERS), those with 0 pending too. */
  consumers: z.array(z.object({ name: z.string(), pending: z.number(), idleMs: z.number().optional() })),
  entries: z.array(pendingEntrySchema),
  nextCursor: z.string().nullable(),
})
export type PendingPage = z.infer<typeof pendingPageSchema>

export const diffOpSchema = z.object({
  op: z.enum(['add', 'remove', 'replace']),
  /** JSON pointer-like path, e.g. /payload/text. */
  path: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
})
export type DiffOp = z.infer<typeof diffOpSchema>

export const traceHopSchema = z.object({
  index: z.number(),
  /** Journal entry id. */
  entryId: z.string(),
  ts: z.number(),
  role: z.string(),
  agentId: z.string(),
  /** Where the envelope went: a stream or a result list. */
  destination: z.string(),
  envelope: envelopeSchema,
  diff: z.array(diffOpSchema),
  /**
   * True for a hop by an agent that does not write Switchyard's journal: it is
   * rebuilt from the envelope's own `trace` entry, carried by a later journaled
   * hop or the result. Its entryId is '' and its envelope is the carrier's, with
   * the trace cut after this hop; its diff is empty (the state in between is unknown).
   */
  rebuilt: z.boolean().optional(),
})
export type TraceHop = z.infer<typeof traceHopSchema>

export const traceSchema = z.object({
  messageId: z.string(),
  conversationId: z.string(),
  hops: z.array(traceHopSchema),
  /** The envelope reached a result list. */
  complete: z.boolean(),
})
export type Trace = z.infer<typeof traceSchema>

export const violationKindSchema = z.enum(['process_count', 'processing_time', 'age'])
export const violationSchema = z.object({
  id: z.string(),
  ts: z.number(),
  kind: violationKindSchema,
  message: z.string(),
  messageId: z.string(),
  conversationId: z.string(),
  role: z.string(),
  agentId: z.string(),
  processCount: z.number(),
  totalProcessingTime: z.number(),
  ageSec: z.number(),
})
export type Violation = z.infer<typeof violationSchema>

export const statsPointSchema = z.object({
  /** Seconds since the epoch, like every `ts` of the contract. */
  ts: z.number(),
  /** Hops per second by role. */
  throughputByRole: z.record(z.string(), z.number()),
  /** Mean hop duration (s) by role. */
  latencyByRole: z.record(z.string(), z.number()),
  errors: z.number(),
  violations: z.number(),
  deadLetters: z.number(),
})
export type StatsPoint = z.infer<typeof statsPointSchema>

export const tailBatchSchema = z.object({
  tailId: z.string(),
  stream: z.string(),
  entries: z.array(streamEntrySchema),
  /** Last id seen: resume from here without a gap. */
  lastId: z.string(),
  /** Entries not pushed because the batch was over its bound. */
  dropped: z.number(),
})
export type TailBatch = z.infer<typeof tailBatchSchema>

export const deadLetterSchema = z.object({
  id: z.string(),
  deadLetterStream: z.string(),
  sourceStream: z.string(),
  sourceId: z.string().nullable(),
  group: z.string().nullable(),
  reason: z.string(),
  ts: z.number(),
  fields: z.record(z.string(), z.string()),
  ...binaryMarks,
})
export type DeadLetter = z.infer<typeof deadLetterSchema>

export const recentResultsSchema = z.object({
  /** Result lists found (`result:*`); an estimate when `complete` is false. */
  lists: z.number(),
  complete: z.boolean(),
  /** Newest first: the last hops that delivered to a result list. */
  recent: z.array(
    z.object({ entryId: z.string(), list: z.string(), messageId: z.string(), role: z.string(), preview: z.string(), error: z.boolean() }),
  ),
})
export type RecentResults = z.infer<typeof recentResultsSchema>
