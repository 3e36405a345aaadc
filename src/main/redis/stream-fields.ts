// Stream entry fields as Redis sends them ([k, v, k, v…]) and back: one helper for the runtime and the inspector.

/** Sets an own property even for `__proto__`: a field name from Redis never changes a prototype, and is never lost. */
export function setField(record: Record<string, string>, key: string, value: string): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true })
  else record[key] = value
}

/** Field list [k, v, k, v…] of a stream entry to a plain object (a trailing odd key is dropped). */
export function fieldsToRecord(flat: readonly unknown[]): Record<string, string> {
  const record: Record<string, string> = {}
  for (let i = 0; i + 1 < flat.length; i += 2) setField(record, String(flat[i]), String(flat[i + 1]))
  return record
}

/** A plain object to the [k, v, k, v…] list XADD takes. */
export function recordToFlat(record: Record<string, string>): string[] {
  const flat: string[] = []
  for (const [key, value] of Object.entries(record)) flat.push(key, value)
  return flat
}

/** Entries per XAUTOCLAIM / XPENDING round trip, for the runtime's sweeper and the inspector's claim alike. */
export const CLAIM_BATCH = 100
