// Decoding and validating the envelope field of a stream entry.
import { ENVELOPE_FIELD, envelopeSchema, type Envelope } from '@shared/envelope'
import { checkEnvelopeFast } from '@shared/envelope-check'
import { parseWith } from '@shared/validate'
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth'

export type DecodeOutcome = { ok: true; envelope: Envelope } | { ok: false; reason: string }

/** Envelope fields that name Redis keys or ids: a lone UTF-16 surrogate there would write to a different key. */
const KEY_FIELDS = ['message_id', 'conversation_id', 'result_list', 'target_role', 'target_agent_id', 'target_list', 'sender_role', 'sender_agent_id'] as const

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Decodes the `envelope` field of a stream entry; the reason says exactly what is wrong. Never throws. */
export function decodeEntryEnvelope(fields: Record<string, string>, maxBytes: number): DecodeOutcome {
  const raw = Object.hasOwn(fields, ENVELOPE_FIELD) ? fields[ENVELOPE_FIELD] : undefined
  if (raw === undefined) return { ok: false, reason: `missing field "${ENVELOPE_FIELD}"` }
  // Length in UTF-16 units is a cheap lower bound; count bytes only near the limit.
  const bytes = raw.length * 3 > maxBytes ? Buffer.byteLength(raw, 'utf8') : raw.length
  if (bytes > maxBytes) return { ok: false, reason: `envelope is ${bytes} bytes, over the ${maxBytes}-byte limit` }
  if (nestsDeeperThan(raw, MAX_JSON_DEPTH)) return { ok: false, reason: `envelope nests deeper than ${MAX_JSON_DEPTH} levels` }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (error) {
    return { ok: false, reason: `envelope is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
  const envelope = checkEnvelopeFast(json, nowSeconds) ?? parseWithZod(json)
  if (typeof envelope === 'string') return { ok: false, reason: envelope }
  // Text decoded from UTF-8 holds no lone surrogate: only a \u escape can make one.
  if (!raw.includes('\\u')) return { ok: true, envelope }
  for (const name of KEY_FIELDS) {
    const value: unknown = envelope[name]
    if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
      return { ok: false, reason: `envelope field "${name}" is not valid UTF-8 (it holds a lone surrogate escape)` }
    }
  }
  return { ok: true, envelope }
}

const nowSeconds = (): number => Date.now() / 1000

/** The schema's verdict on what the fast check left to it: the envelope, or the reason it fails. */
function parseWithZod(json: unknown): Envelope | string {
  try {
    const parsed = parseWith(envelopeSchema, json)
    return parsed.ok ? parsed.value : `envelope failed the schema: ${parsed.message}`
  } catch (error) {
    return `envelope failed the schema: ${error instanceof Error ? error.message : String(error)}`
  }
}
