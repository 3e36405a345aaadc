import type { StreamEntry } from '@shared/api'

/**
 * The Streams filter over loaded entries: `path = value`, `path != value`,
 * `path ~ text` (contains), or plain text searched everywhere. A path reads the
 * decoded envelope first (`payload.stage`), then the flat fields, with JSON in
 * a field read as JSON (`payload.stage` in a field `payload` holding JSON).
 */
export type EntryFilter =
  | { kind: 'none' }
  | { kind: 'text'; text: string }
  | { kind: 'compare'; path: string[]; op: '=' | '!=' | '~'; value: string }

export function parseFilter(input: string): EntryFilter {
  const text = input.trim()
  if (!text) return { kind: 'none' }
  const match = /^([A-Za-z_$][\w$.-]*)\s*(!=|=|~)\s*(.*)$/.exec(text)
  if (!match) return { kind: 'text', text: text.toLowerCase() }
  const [, path = '', op = '=', raw = ''] = match
  const value = raw.trim().replace(/^"(.*)"$/, '$1')
  return { kind: 'compare', path: path.split('.'), op: op as '=' | '!=' | '~', value }
}

function parseJson(value: string): unknown {
  const first = value.trimStart()[0]
  if (first !== '{' && first !== '[') return value
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}

function walk(root: unknown, path: string[]): unknown {
  let at: unknown = root
  for (const step of path) {
    if (typeof at === 'string') at = parseJson(at)
    if (at === null || typeof at !== 'object') return undefined
    at = (at as Record<string, unknown>)[step]
  }
  return at
}

/** The value at a path, from the envelope or else from the fields. */
export function valueAt(entry: StreamEntry, path: string[]): unknown {
  const fromEnvelope = entry.envelope ? walk(entry.envelope, path) : undefined
  return fromEnvelope !== undefined ? fromEnvelope : walk(entry.fields, path)
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? '')

export function matchesFilter(entry: StreamEntry, filter: EntryFilter): boolean {
  if (filter.kind === 'none') return true
  if (filter.kind === 'text') {
    const haystack = `${entry.id} ${JSON.stringify(entry.fields)} ${entry.envelope ? JSON.stringify(entry.envelope) : ''}`
    return haystack.toLowerCase().includes(filter.text)
  }
  const value = valueAt(entry, filter.path)
  if (value === undefined) return filter.op === '!='
  const text = asText(value)
  if (filter.op === '=') return text === filter.value
  if (filter.op === '!=') return text !== filter.value
  return text.toLowerCase().includes(filter.value.toLowerCase())
}

export function filterEntries(rows: StreamEntry[], filter: EntryFilter): StreamEntry[] {
  return filter.kind === 'none' ? rows : rows.filter((row) => matchesFilter(row, filter))
}

/** Flat field values that hold JSON objects or arrays, parsed, so they show as JSON and not as escaped strings. */
export function expandJsonFields(fields: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(fields)) out[name] = parseJson(value)
  return out
}
