import { showToast } from '../../components/operator/toasts'
import { streamsSelectors } from '../../stores/streams-selectors'
import { setFilter, useStreamsStore } from '../../stores/streams-store'
import { downloadText } from './download'
import { entriesToCsv, entriesToJson, exportFileName } from './export-entries'

export const FILTER_INPUT_ID = 'streams-filter'

/** Filter the loaded entries by field value, say how many match, export what is shown. */
export function StreamsFilterBar() {
  const stream = useStreamsStore((s) => s.stream)
  const filter = useStreamsStore((s) => s.filter)
  const loaded = useStreamsStore((s) => s.rows.length)
  const visible = useStreamsStore(streamsSelectors.visibleRows)
  if (!stream) return null
  const exportAs = (ext: 'csv' | 'json') => {
    const text = ext === 'csv' ? entriesToCsv(visible) : entriesToJson(visible)
    downloadText(text, exportFileName(stream, ext), ext === 'csv' ? 'text/csv' : 'application/json')
    showToast(`Exported ${visible.length} entries as ${ext.toUpperCase()}`)
  }
  return (
    <div className="op-streams-toolbar" data-testid="streams-filter-bar">
      <label className="op-inline-form">
        Filter
        <input
          id={FILTER_INPUT_ID}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') (e.target as HTMLInputElement).blur()
          }}
          placeholder="payload.stage = upper   (or text; / to focus)"
          size={34}
          aria-label="Filter loaded entries"
        />
      </label>
      {filter.trim() ? (
        <span className="op-note" data-testid="filter-count">
          {visible.length} of {loaded} loaded entries match
        </span>
      ) : null}
      <button type="button" onClick={() => exportAs('json')} disabled={visible.length === 0}>
        Export JSON
      </button>
      <button type="button" onClick={() => exportAs('csv')} disabled={visible.length === 0}>
        Export CSV
      </button>
    </div>
  )
}
