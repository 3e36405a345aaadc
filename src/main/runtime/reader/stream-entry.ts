// A stream entry as read, and turning Redis replies into entries.
import { isUtf8 } from 'node:buffer'

/** One stream entry as an agent receives it, with where it came from so it can be acked. */
export interface ReceivedEntry {
  stream: string
  group: string
  id: string
  /** Field values as text (values that are not UTF-8 show U+FFFD here; see `undecodable`). */
  fields: Record<string, string>
  /** Known for claimed entries (XPENDING); 1 for fresh reads. */
  deliveries: number
  /** Why the entry cannot be decoded (a name or value that is not UTF-8): it is dead-lettered at once, bytes intact. */
  undecodable?: string
  /** Read as text and holding U+FFFD: maybe bytes that are not UTF-8, so it is read again as bytes. */
  suspect?: boolean
}

/** Sets an own property even for `__proto__`: a field name from Redis never changes a prototype, and is never lost. */
function setField(record: Record<string, string>, key: string, value: string): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true })
  else record[key] = value
}

export function fieldsToRecord(flat: readonly unknown[]): Record<string, string> {
  const record: Record<string, string> = {}
  for (let i = 0; i + 1 < flat.length; i += 2) setField(record, String(flat[i]), String(flat[i + 1]))
  return record
}

export function recordToFlat(record: Record<string, string>): string[] {
  const flat: string[] = []
  for (const [key, value] of Object.entries(record)) flat.push(key, value)
  return flat
}

/** Text of a reply item (Buffer from callBuffer, or string), and why it is not UTF-8 when it is not. */
function textOf(raw: unknown): { text: string; bad: string | null } {
  if (!Buffer.isBuffer(raw)) return { text: String(raw), bad: null }
  const text = raw.toString('utf8')
  if (isUtf8(raw)) return { text, bad: null }
  const at = firstBadByte(raw)
  return { text, bad: `byte 0x${(raw[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at}` }
}

/** Offset of the first byte where UTF-8 decoding fails (for the reason only: runs on bad values alone). */
function firstBadByte(b: Buffer): number {
  let i = 0
  while (i < b.length) {
    const c = b[i] ?? 0
    const more = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1
    if (more < 0 || i + more >= b.length) return i
    const second = b[i + 1] ?? 0
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are refused at their second byte.
    const [low, high] = c === 0xe0 ? [0xa0, 0xbf] : c === 0xed ? [0x80, 0x9f] : c === 0xf0 ? [0x90, 0xbf] : c === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf]
    if (more > 0 && (second < low || second > high)) return i
    for (let k = 2; k <= more; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i
    i += more + 1
  }
  return 0
}

/** One entry body [k, v, ...] into fields, noting the first name or value that is not UTF-8. */
export function decodeFields(body: readonly unknown[]): { fields: Record<string, string>; undecodable?: string; suspect?: boolean } {
  const fields: Record<string, string> = {}
  let undecodable: string | undefined
  let suspect = false
  for (let i = 0; i + 1 < body.length; i += 2) {
    const name = textOf(body[i])
    const value = textOf(body[i + 1])
    if (typeof body[i + 1] === 'string' && value.text.includes('\uFFFD')) suspect = true
    if (typeof body[i] === 'string' && name.text.includes('\uFFFD')) suspect = true
    if (!undecodable && name.bad) undecodable = `a field name is not valid UTF-8 (${name.bad})`
    if (!undecodable && value.bad) undecodable = `field "${name.text}" is not valid UTF-8 (${value.bad})`
    setField(fields, name.text, value.text)
  }
  return undecodable ? { fields, undecodable } : suspect ? { fields, suspect } : { fields }
}

/**
 * XREADGROUP / XAUTOCLAIM entry lists: [[id, [k, v, ...] | null], ...], items
 * as Buffers (callBuffer) or strings. A null body means the entry was
 * deleted (trimmed) while pending. Never throws: what is not a list is skipped.
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
    if (!Array.isArray(item) || item.length === 0) continue
    const id = textOf(item[0]).text
    const body: unknown = item[1]
    if (!Array.isArray(body)) deletedIds.push(id)
    else entries.push({ stream, group, id, deliveries: 1, ...decodeFields(body) })
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
    for (let i = 0; i + 1 < raw.length; i += 2) all.push(...parseEntryList(raw[i + 1], textOf(raw[i]).text, group).entries)
    return all
  }
  for (const streamReply of raw) {
    if (!Array.isArray(streamReply)) continue
    all.push(...parseEntryList(streamReply[1], textOf(streamReply[0]).text, group).entries)
  }
  return all
}
