import { z } from 'zod'

/**
 * The Envelope of seed 001, field for field, as JSON in the stream field
 * `envelope`. Timestamps are seconds since the epoch (Python's time.time()),
 * so agents in other languages read and write the same numbers.
 * Fields the seed's "Message Flow Example" leaves out take defaults here.
 */
export const ENVELOPE_FIELD = 'envelope'

export const envelopeKinds = ['task', 'result', 'control', 'status'] as const

export const traceEntrySchema = z.looseObject({
  start_ts: z.number(),
  role: z.string(),
  agent_id: z.string(),
  end_ts: z.number(),
  duration: z.number(),
  error: z.string().nullable().optional(),
  safety_violation: z.boolean().nullable().optional(),
})
export type TraceEntry = z.infer<typeof traceEntrySchema>

export const payloadSchema = z.record(z.string(), z.unknown())
export type Payload = z.infer<typeof payloadSchema>

const nowSeconds = (): number => Date.now() / 1000

/** Loose: fields it does not know (`ts`, `reply_role`, `tenant`, …) are kept through every hop; known ones are validated. */
export const envelopeSchema = z.looseObject({
  conversation_id: z.string().min(1),
  message_id: z.string().min(1),
  target_role: z.string().nullable().default(null),
  target_agent_id: z.string().nullable().default(null),
  target_list: z.string().nullable().default(null),
  sender_role: z.string().default('external'),
  sender_agent_id: z.string().default(''),
  kind: z.enum(envelopeKinds).default('task'),
  payload: payloadSchema.default(() => ({})),
  update_ts: z.number().default(nowSeconds),
  /** Empty means `result:{message_id}` (see resultListOf). */
  result_list: z.string().default(''),
  trace: z.array(traceEntrySchema).default(() => []),
  process_count: z.number().int().nonnegative().default(0),
  total_processing_time: z.number().nonnegative().default(0),
  create_ts: z.number().nonnegative().default(0),
})
export type Envelope = z.infer<typeof envelopeSchema>
/** What a client may send: everything with a default may be left out. */
export type EnvelopeInput = z.input<typeof envelopeSchema>

export function resultListOf(env: Pick<Envelope, 'result_list' | 'message_id'>): string {
  return env.result_list || `result:${env.message_id}`
}

/** Errors accumulated in payload.errors, as in the seed. */
export interface PayloadError {
  code: string
  message: string
  [extra: string]: unknown
}
