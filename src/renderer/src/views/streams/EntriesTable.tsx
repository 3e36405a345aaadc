import { useTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import { streamsSelectors } from '../../stores/streams-selectors'
import { loadOlder, pauseTail, resumeTail, selectEntry, useStreamsStore } from '../../stores/streams-store'
import { entryColumns, entryRowId, entryTableFeatures } from './entry-columns'

const ROW_HEIGHT = 28
const OVERSCAN_ROWS = 15
/** Fetch the next older page when this close to the bottom. */
const LOAD_AHEAD_ROWS = 40
/** Scrolled further than this from the top pauses the tail; back at the top resumes it. */
const PAUSE_AT_PX = ROW_HEIGHT * 2

/** The entries of one stream, newest first, virtualized; scrolling away pauses the tail. */
export function EntriesTable() {
  const rows = useStreamsStore(streamsSelectors.visibleRows)
  const selectedId = useStreamsStore((s) => s.selectedId)
  const table = useTable({ features: entryTableFeatures, columns: entryColumns, data: rows, getRowId: entryRowId })
  const scrollRef = useRef<HTMLDivElement>(null)
  const tableRows = table.getRowModel().rows
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN_ROWS,
  })
  // Keys (j/k) move the selection: keep the selected row in sight.
  useEffect(() => {
    if (selectedId === null) return
    const index = tableRows.findIndex((row) => row.id === selectedId)
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' })
  }, [selectedId]) // eslint-disable-line react-hooks/exhaustive-deps
  const items = virtualizer.getVirtualItems()
  const lastIndex = items[items.length - 1]?.index ?? -1

  useEffect(() => {
    if (lastIndex >= 0 && lastIndex >= tableRows.length - LOAD_AHEAD_ROWS) {
      if (streamsSelectors.canLoadOlder(useStreamsStore.getState())) void loadOlder()
    }
  }, [lastIndex, tableRows.length])

  const onScroll = () => {
    const top = scrollRef.current?.scrollTop ?? 0
    const { tailState, pauseReason } = useStreamsStore.getState()
    if (top > PAUSE_AT_PX && (tailState === 'live' || tailState === 'starting')) void pauseTail('scroll')
    else if (top <= PAUSE_AT_PX && tailState === 'paused' && pauseReason === 'scroll') void resumeTail()
  }

  const paddingTop = items[0]?.start ?? 0
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0)
  const headers = table.getHeaderGroups()[0]?.headers ?? []

  return (
    <div className="op-table-scroll" ref={scrollRef} onScroll={onScroll} data-testid="stream-entries">
      <table className="op-table" aria-label="Stream entries" aria-rowcount={tableRows.length}>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header.id} className={`op-col-${header.column.id}`}>
                <table.FlexRender header={header} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 ? <tr style={{ height: paddingTop }} aria-hidden="true" /> : null}
          {items.map((item) => {
            const row = tableRows[item.index]
            if (!row) return null
            return (
              <tr
                key={row.id}
                data-entry-id={row.id}
                aria-selected={row.id === selectedId}
                className={row.id === selectedId ? 'op-selected' : undefined}
                style={{ height: ROW_HEIGHT }}
                onClick={() => selectEntry(row.id)}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`op-col-${cell.column.id}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            )
          })}
          {paddingBottom > 0 ? <tr style={{ height: paddingBottom }} aria-hidden="true" /> : null}
        </tbody>
      </table>
    </div>
  )
}
