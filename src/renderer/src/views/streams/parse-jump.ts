import { entryIdSchema } from '@shared/api'

export type JumpTarget = { ok: true; at: string | number } | { ok: false; message: string }

const UNIT_MS: Record<string, number> = { s: 1000, sec: 1000, second: 1000, m: 60_000, min: 60_000, minute: 60_000, h: 3_600_000, hour: 3_600_000, d: 86_400_000, day: 86_400_000 }

/** "5 minutes ago", "90 s ago", "2h ago", "-10m" → ms since the epoch. */
function relative(value: string, nowMs: number): number | null {
  const match = /^(?:-\s*)?(\d+(?:\.\d+)?)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hours?|d|days?)(?:\s+ago)?$/i.exec(value)
  if (!match || (!/ago$/i.test(value) && !value.startsWith('-'))) return null
  const word = (match[2] ?? '').toLowerCase()
  const size = UNIT_MS[word.length > 1 ? word.replace(/s$/, '') : word]
  return size ? nowMs - Number(match[1]) * size : null
}

/** The Time column's own format (`HH:MM:SS` or `HH:MM:SS.mmm`): today, or yesterday if that is still ahead. */
function timeOfDay(value: string, nowMs: number): number | null {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value)
  if (!match) return null
  const [hours = 0, minutes = 0, seconds = 0, millis = 0] = [match[1], match[2], match[3] ?? '0', (match[4] ?? '0').padEnd(3, '0')].map(Number)
  if (hours > 23 || minutes > 59 || seconds > 59) return null
  const day = new Date(nowMs)
  day.setHours(hours, minutes, seconds, millis)
  const at = day.getTime()
  return at > nowMs ? at - 86_400_000 : at
}

/**
 * What the operator typed in "Jump to": a stream id (`1700000000000-0`), a time
 * in ms since the epoch, the Time column's format, a relative time
 * ("5 minutes ago"), or a date/time the browser can parse.
 */
export function parseJump(text: string, nowMs = Date.now()): JumpTarget {
  const value = text.trim()
  if (!value) return { ok: false, message: 'type a stream id or a time' }
  if (entryIdSchema.safeParse(value).success) {
    // A bare number of 13+ digits reads as a time; shorter ones as ids.
    return /^\d+$/.test(value) && value.length >= 12 ? { ok: true, at: Number(value) } : { ok: true, at: value }
  }
  const ms = relative(value, nowMs) ?? timeOfDay(value, nowMs) ?? Date.parse(value)
  if (Number.isFinite(ms) && ms >= 0) return { ok: true, at: Math.floor(ms) }
  return { ok: false, message: `"${value}" is neither a stream id (like 1700000000000-0), a time (14:05:09.120, 5 minutes ago) nor a date/time` }
}
