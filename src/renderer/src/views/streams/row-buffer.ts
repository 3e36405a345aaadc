import type { StreamEntry } from '@shared/api'
import { compareIds } from '../../components/operator/format'

/** The most rows the Streams view holds at once; older rows fall off the bottom. */
export const MAX_STREAM_ROWS = 5_000

export interface RowBuffer {
  /** Newest first. */
  rows: StreamEntry[]
  /** True when rows were dropped from the bottom to stay under the bound. */
  trimmedOlder: boolean
}

/**
 * Puts tailed entries (oldest first, as XREAD gives them) on top of the rows
 * (newest first). Entries not newer than the top row are already shown and
 * skipped, so a resumed tail that overlaps never duplicates a row.
 */
export function prependNewer(rows: StreamEntry[], incoming: StreamEntry[], max = MAX_STREAM_ROWS): RowBuffer {
  const top = rows[0]?.id
  const fresh = incoming.filter((entry) => top === undefined || compareIds(entry.id, top) > 0)
  if (fresh.length === 0) return { rows, trimmedOlder: false }
  fresh.sort((a, b) => compareIds(b.id, a.id))
  const merged = fresh.concat(rows)
  if (merged.length <= max) return { rows: merged, trimmedOlder: false }
  return { rows: merged.slice(0, max), trimmedOlder: true }
}

/**
 * Appends an older page (newest first) below the rows. Rows over the bound are
 * refused, not dropped from the top: the caller stops paging at the bound.
 */
export function appendOlder(rows: StreamEntry[], page: StreamEntry[], max = MAX_STREAM_ROWS): StreamEntry[] {
  const bottom = rows[rows.length - 1]?.id
  const older = page.filter((entry) => bottom === undefined || compareIds(entry.id, bottom) < 0)
  const room = Math.max(0, max - rows.length)
  return older.length === 0 || room === 0 ? rows : rows.concat(older.slice(0, room))
}
