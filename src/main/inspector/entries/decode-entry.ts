import { ENVELOPE_FIELD, envelopeSchema, type Envelope } from '@shared/envelope'
import type { StreamEntry } from '@shared/api'
import { parseWith } from '@shared/validate'
import { fieldsFromBytes, idText } from './binary-fields'

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

/**
 * One XRANGE row as the renderer shows it: flat fields (read as Buffers, so
 * bytes that are not UTF-8 come out as marked hex), plus the envelope when there is one.
 */
export function decodeEntry(id: string | Buffer, raw: ReadonlyArray<string | Buffer>): StreamEntry {
  const { fields, ...marks } = fieldsFromBytes(raw)
  const envelopeIsHex = marks.hexValues?.includes(ENVELOPE_FIELD) ?? false
  const envelope = envelopeIsHex ? { envelopeError: 'the envelope field is not valid UTF-8' } : decodeEnvelope(fields[ENVELOPE_FIELD])
  return { id: idText(id), fields, ...marks, ...envelope }
}

export type RawEntry = [id: string | Buffer, fields: Array<string | Buffer>]

export function decodeEntries(rows: readonly RawEntry[]): StreamEntry[] {
  return rows.map(([id, fields]) => decodeEntry(id, fields))
}
