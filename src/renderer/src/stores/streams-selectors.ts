import type { StreamEntry } from '../../../shared/api'
import type { StreamsState } from './streams-store'
import { MAX_STREAM_ROWS } from '../views/streams/row-buffer'

export const streamsSelectors = {
  selectedEntry: (s: StreamsState): StreamEntry | undefined =>
    s.selectedId === null ? undefined : s.rows.find((row) => row.id === s.selectedId),
  isLive: (s: StreamsState): boolean => s.tailState === 'live',
  /** Paging stops at the row bound; the operator jumps instead. */
  bufferFull: (s: StreamsState): boolean => s.rows.length >= MAX_STREAM_ROWS,
  canLoadOlder: (s: StreamsState): boolean =>
    s.olderCursor !== null && !s.loadingOlder && s.rows.length < MAX_STREAM_ROWS,
  tailLabel: (s: StreamsState): string => {
    if (s.tailState === 'live') return 'Live'
    if (s.tailState === 'starting') return 'Starting…'
    if (s.tailState === 'off') return 'Off'
    if (s.pauseReason === 'scroll') return 'Paused (scrolled)'
    if (s.pauseReason === 'jump') return 'Paused (jumped)'
    return 'Paused'
  },
}
