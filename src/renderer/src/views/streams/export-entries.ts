import type { StreamEntry } from '@shared/api'
import { displayFields } from '../../components/operator/binary-format'
import { idTimeMs } from '../../components/operator/format'

/**
 * A cell a spreadsheet would run as a formula (`= + - @`, or a tab/CR that
 * some read the same way) gets a leading apostrophe (OWASP's CSV injection advice).
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

function csvCell(value: string): string {
  const safe = neutraliseCell(value)
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** id, time (ISO), then every field name seen, in first-seen order; non-UTF-8 bytes as marked hex. */
export function entriesToCsv(entries: StreamEntry[]): string {
  const rows = entries.map((entry) => ({ id: entry.id, fields: displayFields(entry) }))
  const names: string[] = []
  const seen = new Set<string>()
  for (const row of rows)
    for (const name of Object.keys(row.fields))
      if (!seen.has(name)) {
        seen.add(name)
        names.push(name)
      }
  const header = ['id', 'time', ...names].map(csvCell).join(',')
  const lines = rows.map((row) =>
    [row.id, new Date(idTimeMs(row.id)).toISOString(), ...names.map((name) => row.fields[name] ?? '')].map(csvCell).join(','),
  )
  return [header, ...lines].join('\r\n') + '\r\n'
}

/** The entries as they were loaded: id, fields (with their hex marks), and the decoded envelope where there is one. */
export function entriesToJson(rows: StreamEntry[]): string {
  return JSON.stringify(
    rows.map((row) => ({
      id: row.id,
      fields: row.fields,
      ...(row.hexValues ? { hexValues: row.hexValues } : {}),
      ...(row.hexNames ? { hexNames: row.hexNames } : {}),
      ...(row.envelope ? { envelope: row.envelope } : {}),
    })),
    null,
    2,
  )
}

/** File name for an export: the stream key made safe for file systems. */
export const exportFileName = (stream: string, ext: 'csv' | 'json'): string => `${stream.replace(/[^\w.-]+/g, '_')}.${ext}`
