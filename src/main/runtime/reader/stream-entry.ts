// A stream entry as read, and turning Redis replies into entries.
import { fieldsToRecord, recordToFlat } from '../../redis/stream-fields'
/** One stream entry as an agent receives it, with where it came from so it can be acked. */
export interface ReceivedEntry {
  stream: string
  group: string
  id: string
  fields: Record<string, string>
  /** Known for claimed entries (XPENDING); 1 for fresh reads. */
  deliveries: number
}

export { fieldsToRecord, recordToFlat }

/**
 * XREADGROUP / XAUTOCLAIM entry lists: [[id, [k, v, ...] | null], ...].
 * A null body means the entry was deleted (trimmed) while pending.
 */
export function parseEntryList(
  raw: unknown,
  stream: string,
  group: string,
): { entries: ReceivedEntry[]; deletedIds: string[] } {
  const entries: ReceivedEntry[] = []
  const deletedIds: string[] = []
  if (!Array.isArray(raw)) return { entries, deletedIds }
  for (const item of raw) {
    if (!Array.isArray(item)) continue
    const id = String(item[0])
    const body: unknown = item[1]
    if (!Array.isArray(body)) deletedIds.push(id)
    else entries.push({ stream, group, id, fields: fieldsToRecord(body), deliveries: 1 })
  }
  return { entries, deletedIds }
}

/**
 * XREADGROUP reply, null on timeout. RESP2 answers [[stream, entries], ...];
 * RESP3 (ioredis 6's default) answers a map, which `call` flattens to
 * [stream, entries, stream, entries].
 */
export function parseReadReply(raw: unknown, group: string): ReceivedEntry[] {
  if (!Array.isArray(raw)) return []
  const all: ReceivedEntry[] = []
  if (raw.length > 0 && !Array.isArray(raw[0])) {
    for (let i = 0; i + 1 < raw.length; i += 2) all.push(...parseEntryList(raw[i + 1], String(raw[i]), group).entries)
    return all
  }
  for (const streamReply of raw) {
    if (!Array.isArray(streamReply)) continue
    all.push(...parseEntryList(streamReply[1], String(streamReply[0]), group).entries)
  }
  return all
}
