import { ENVELOPE_FIELD, envelopeSchema, type Envelope } from '../../../shared/envelope'
import type { StreamEntry } from '../../../shared/api'
import { parseWith } from '../../../shared/validate'
import { fieldsToRecord } from '../redis-reply'

/** Decodes an `envelope` JSON field; null when absent, error text when bad. */
export function decodeEnvelope(raw: string | undefined): { envelope?: Envelope; envelopeError?: string } | null {
  if (raw === undefined) return null
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (error) {
    return { envelopeError: `not JSON: ${(error as Error).message}` }
  }
  const parsed = parseWith(envelopeSchema, json)
  return parsed.ok ? { envelope: parsed.value } : { envelopeError: parsed.message }
}

/** One XRANGE row as the renderer shows it: flat fields, plus the envelope when there is one. */
export function decodeEntry(id: string, fields: readonly string[]): StreamEntry {
  const record = fieldsToRecord(fields)
  return { id, fields: record, ...decodeEnvelope(record[ENVELOPE_FIELD]) }
}

export type RawEntry = [id: string, fields: string[]]

export function decodeEntries(rows: readonly RawEntry[]): StreamEntry[] {
  return rows.map(([id, fields]) => decodeEntry(id, fields))
}
