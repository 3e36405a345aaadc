import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type MouseEvent } from 'react'
import { formatDuration } from '../../components/operator/format'
import { useNow } from '../../components/operator/use-now'
import { pendingSelectors } from '../../stores/pending-selectors'
import { loadMorePending, openEntry, setSelection, toggleSelected, usePendingStore } from '../../stores/pending-store'

const ROW_HEIGHT = 30
const LOAD_AHEAD_ROWS = 30

/** A click on the row opens the entry; clicks on its checkbox only select. */
const opensRow = (event: MouseEvent) => !(event.target as HTMLElement).closest('input, button, a')

/** The group-wide pending list, virtualized; idle times tick; stuck rows (idle over the threshold) stand out. */
export function PendingTable() {
  const state = usePendingStore()
  const { entries, selected, openedId } = state
  const now = useNow(1000)
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items[items.length - 1]?.index ?? -1
  useEffect(() => {
    if (lastIndex >= entries.length - LOAD_AHEAD_ROWS) void loadMorePending()
  }, [lastIndex, entries.length])

  const allSelected = entries.length > 0 && pendingSelectors.selectedCount(state) === entries.length
  const paddingTop = items[0]?.start ?? 0
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0)
  return (
    <div className="op-table-scroll" ref={scrollRef} data-testid="pending-entries" data-loaded={entries.length}>
      <table className="op-table" aria-label="Pending entries">
        <thead>
          <tr>
            <th>
              <input
                type="checkbox"
                aria-label="Select all"
                checked={allSelected}
                onChange={() => setSelection(allSelected ? [] : entries.map((e) => e.id))}
              />
            </th>
            <th>ID</th>
            <th>Consumer</th>
            <th>Idle</th>
            <th>Deliveries</th>
            <th>Role</th>
            <th>Stage</th>
            <th>Last hop</th>
            <th>Payload</th>
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 ? <tr style={{ height: paddingTop }} aria-hidden="true" /> : null}
          {items.map((item) => {
            const entry = entries[item.index]
            if (!entry) return null
            const stuck = pendingSelectors.isStuck(state, entry, now)
            const classes = [stuck ? 'op-stuck' : '', entry.id === openedId ? 'op-selected' : ''].filter(Boolean).join(' ')
            return (
              <tr
                key={entry.id}
                data-entry-id={entry.id}
                data-stuck={stuck || undefined}
                className={classes || undefined}
                style={{ height: ROW_HEIGHT }}
                onClick={(event) => opensRow(event) && openEntry(entry.id)}
              >
                <td>
                  <input type="checkbox" aria-label={`Select ${entry.id}`} checked={Boolean(selected[entry.id])} onChange={() => toggleSelected(entry.id)} />
                </td>
                <td>
                  <code>{entry.id}</code>
                </td>
                <td>{entry.consumer}</td>
                <td data-testid="pending-idle">{formatDuration(pendingSelectors.idleNow(state, entry, now))}</td>
                <td>{entry.deliveries}</td>
                <td>{entry.role ?? ''}</td>
                <td>{entry.stage ?? ''}</td>
                <td>{entry.fields === null ? <em>deleted</em> : (entry.lastHop ?? '')}</td>
                <td className="op-flat" data-testid="pending-preview">{pendingSelectors.preview(entry)}</td>
              </tr>
            )
          })}
          {paddingBottom > 0 ? <tr style={{ height: paddingBottom }} aria-hidden="true" /> : null}
        </tbody>
      </table>
    </div>
  )
}
