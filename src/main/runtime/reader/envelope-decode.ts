// Decoding and validating the envelope field of a stream entry.
import { ENVELOPE_FIELD, envelopeSchema, type Envelope } from '../../../shared/envelope'
import { parseWith } from '../../../shared/validate'

export type DecodeOutcome = { ok: true; envelope: Envelope } | { ok: false; reason: string }

/** Decodes the `envelope` field of a stream entry; the reason says exactly what is wrong. */
export function decodeEntryEnvelope(fields: Record<string, string>, maxBytes: number): DecodeOutcome {
  const raw = fields[ENVELOPE_FIELD]
  if (raw === undefined) return { ok: false, reason: `missing field "${ENVELOPE_FIELD}"` }
  // Length in UTF-16 units is a cheap lower bound; count bytes only near the limit.
  const bytes = raw.length * 3 > maxBytes ? Buffer.byteLength(raw, 'utf8') : raw.length
  if (bytes > maxBytes) return { ok: false, reason: `envelope is ${bytes} bytes, over the ${maxBytes}-byte limit` }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (error) {
    return { ok: false, reason: `envelope is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
  const parsed = parseWith(envelopeSchema, json)
  if (!parsed.ok) return { ok: false, reason: `envelope failed the schema: ${parsed.message}` }
  return { ok: true, envelope: parsed.value }
}
