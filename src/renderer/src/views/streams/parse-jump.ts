import { entryIdSchema } from '../../../../shared/api'

export type JumpTarget = { ok: true; at: string | number } | { ok: false; message: string }

/**
 * What the operator typed in "Jump to": a stream id (`1700000000000-0`), a time
 * in ms since the epoch, or a date/time the browser can parse.
 */
export function parseJump(text: string): JumpTarget {
  const value = text.trim()
  if (!value) return { ok: false, message: 'type a stream id or a time' }
  if (entryIdSchema.safeParse(value).success) {
    // A bare number of 13+ digits reads as a time; shorter ones as ids.
    return /^\d+$/.test(value) && value.length >= 12 ? { ok: true, at: Number(value) } : { ok: true, at: value }
  }
  const ms = Date.parse(value)
  if (Number.isFinite(ms) && ms >= 0) return { ok: true, at: ms }
  return { ok: false, message: `"${value}" is neither a stream id (like 1700000000000-0) nor a date/time` }
}
