import type { StreamEntry } from '@shared/api'
import type { StreamsState } from './streams-store'
import { MAX_STREAM_ROWS } from '../views/streams/row-buffer'
import { filterEntries, parseFilter } from '../views/streams/entry-filter'

// One parse per filter text, not one per render.
let lastFilter: { text: string; rows: StreamEntry[]; out: StreamEntry[] } | null = null

export const streamsSelectors = {
  selectedEntry: (s: StreamsState): StreamEntry | undefined =>
    s.selectedId === null ? undefined : s.rows.find((row) => row.id === s.selectedId),
  isLive: (s: StreamsState): boolean => s.tailState === 'live',
  /** Paging stops at the row bound; the operator jumps instead. */
  bufferFull: (s: StreamsState): boolean => s.rows.length >= MAX_STREAM_ROWS,
  canLoadOlder: (s: StreamsState): boolean =>
    s.olderCursor !== null && !s.loadingOlder && s.rows.length < MAX_STREAM_ROWS,
  /** The loaded rows the filter keeps (memoized on the rows and the text). */
  visibleRows: (s: StreamsState): StreamEntry[] => {
    if (lastFilter && lastFilter.text === s.filter && lastFilter.rows === s.rows) return lastFilter.out
    const out = filterEntries(s.rows, parseFilter(s.filter))
    lastFilter = { text: s.filter, rows: s.rows, out }
    return out
  },
  /** Never "Live" while Redis is down: the tail cannot be receiving. */
  tailLabelWhen: (s: StreamsState, connected: boolean): string =>
    connected ? streamsSelectors.tailLabel(s) : s.tailState === 'off' ? 'Off' : 'Disconnected (tail stopped)',
  tailLabel: (s: StreamsState): string => {
    if (s.tailState === 'live') return 'Live'
    if (s.tailState === 'starting') return 'Starting…'
    if (s.tailState === 'off') return 'Off'
    if (s.pauseReason === 'scroll') return 'Paused (scrolled)'
    if (s.pauseReason === 'jump') return 'Paused (jumped)'
    return 'Paused'
  },
}
