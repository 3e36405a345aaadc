// A hand-compiled check of envelopeSchema for the agents' hot path; zod stays the reference.
import { envelopeKinds, type Envelope, type TraceEntry } from './envelope'

/**
 * envelopeSchema.parse for input that passes it plainly, built the way zod
 * builds it (known fields in the schema's order with their defaults, then the
 * unknown ones in input order; trace entries likewise). Answers null for
 * anything it is not sure of — a failure, an own `__proto__` key, a value zod
 * might judge otherwise — and the caller asks zod, which gives the exact
 * reason. So it never accepts what zod refuses, nor builds something else
 * (test/unit/shared/envelope-check.test.ts compares them on random input).
 */
export function checkEnvelopeFast(json: unknown, nowSec: () => number): Envelope | null {
  if (!isPlainRecord(json)) return null
  const { conversation_id, message_id, payload, trace, update_ts } = json
  if (!nonEmptyString(conversation_id) || !nonEmptyString(message_id)) return null
  const target_role = nullableString(json.target_role)
  const target_agent_id = nullableString(json.target_agent_id)
  const target_list = nullableString(json.target_list)
  const sender_role = json.sender_role === undefined ? 'external' : json.sender_role
  const sender_agent_id = json.sender_agent_id === undefined ? '' : json.sender_agent_id
  const kind = json.kind === undefined ? 'task' : json.kind
  const result_list = json.result_list === undefined ? '' : json.result_list
  const process_count = json.process_count === undefined ? 0 : json.process_count
  const total_processing_time = json.total_processing_time === undefined ? 0 : json.total_processing_time
  const create_ts = json.create_ts === undefined ? 0 : json.create_ts
  if (target_role === INVALID || target_agent_id === INVALID || target_list === INVALID) return null
  if (typeof sender_role !== 'string' || typeof sender_agent_id !== 'string' || typeof result_list !== 'string') return null
  if (!KINDS.has(kind)) return null
  if (!Number.isSafeInteger(process_count) || (process_count as number) < 0) return null
  if (!nonNegative(total_processing_time) || !nonNegative(create_ts)) return null
  if (update_ts !== undefined && !Number.isFinite(update_ts)) return null
  if (payload !== undefined && (!isPlainRecord(payload) || Object.hasOwn(payload, '__proto__'))) return null
  const entries = trace === undefined ? [] : checkTrace(trace)
  if (!entries) return null
  const env: Record<string, unknown> = {
    conversation_id,
    message_id,
    target_role,
    target_agent_id,
    target_list,
    sender_role,
    sender_agent_id,
    kind,
    // JSON.parse made it and nothing else holds it: zod's copy would be the same keys in the same order.
    payload: payload ?? {},
    update_ts: update_ts ?? nowSec(),
    result_list,
    trace: entries,
    process_count,
    total_processing_time,
    create_ts,
  }
  return copyUnknown(json, ENVELOPE_KEYS, env) ? (env as Envelope) : null
}

const KINDS = new Set<unknown>(envelopeKinds)
const INVALID = Symbol('invalid')
const ENVELOPE_KEYS = new Set([
  'conversation_id', 'message_id', 'target_role', 'target_agent_id', 'target_list', 'sender_role', 'sender_agent_id',
  'kind', 'payload', 'update_ts', 'result_list', 'trace', 'process_count', 'total_processing_time', 'create_ts',
])
const TRACE_KEYS = new Set(['start_ts', 'role', 'agent_id', 'end_ts', 'duration', 'error', 'safety_violation'])

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0
}

function nullableString(value: unknown): string | null | typeof INVALID {
  if (value === undefined || value === null) return null
  return typeof value === 'string' ? value : INVALID
}

function nonNegative(value: unknown): boolean {
  return Number.isFinite(value) && (value as number) >= 0
}

function checkTrace(trace: unknown): TraceEntry[] | null {
  if (!Array.isArray(trace)) return null
  const out: TraceEntry[] = new Array<TraceEntry>(trace.length)
  for (let i = 0; i < trace.length; i++) {
    const item: unknown = trace[i]
    if (!isPlainRecord(item)) return null
    const { start_ts, role, agent_id, end_ts, duration, error, safety_violation } = item
    if (!Number.isFinite(start_ts) || !Number.isFinite(end_ts) || !Number.isFinite(duration)) return null
    if (typeof role !== 'string' || typeof agent_id !== 'string') return null
    const entry: Record<string, unknown> = { start_ts, role, agent_id, end_ts, duration }
    if (error !== undefined) {
      if (error !== null && typeof error !== 'string') return null
      entry.error = error
    }
    if (safety_violation !== undefined) {
      if (safety_violation !== null && typeof safety_violation !== 'boolean') return null
      entry.safety_violation = safety_violation
    }
    if (!copyUnknown(item, TRACE_KEYS, entry)) return null
    out[i] = entry as TraceEntry
  }
  return out
}

/** Copies the keys a loose schema does not know, in input order; false on an own `__proto__` (zod drops it). */
function copyUnknown(from: Record<string, unknown>, known: Set<string>, to: Record<string, unknown>): boolean {
  for (const key in from) {
    if (known.has(key)) continue
    if (key === '__proto__') return false
    to[key] = from[key]
  }
  return true
}
