/**
 * Small readers for Redis replies that ioredis leaves untyped (XINFO, XPENDING,
 * XAUTOCLAIM): flat [key, value, key, value…] arrays and loose scalars.
 */

export type FlatReply = Record<string, unknown>

export function flatToRecord(reply: unknown): FlatReply {
  const record: FlatReply = {}
  if (!Array.isArray(reply)) return record
  for (let i = 0; i + 1 < reply.length; i += 2) record[String(reply[i])] = reply[i + 1]
  return record
}

export { fieldsToRecord, recordToFlat } from '../redis/stream-fields'

export function asNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null
  const n = typeof value === 'number' ? value : Number(String(value))
  return Number.isFinite(n) ? n : null
}

export function asString(value: unknown): string | null {
  if (value === null || value === undefined) return null
  return String(value)
}
