import { displayFields } from '../../components/operator/binary-format'
import { JsonView } from '../../components/operator/JsonView'
import { openView } from '../../components/operator/navigate'
import { findTraces } from '../../stores/traces-store'
import { streamsSelectors } from '../../stores/streams-selectors'
import { selectEntry, useStreamsStore } from '../../stores/streams-store'

/** The selected entry: its envelope decoded (or why not), and its raw fields. */
export function EntryDetail() {
  const entry = useStreamsStore(streamsSelectors.selectedEntry)
  if (!entry) return <aside className="op-detail op-note">Select an entry to see its content.</aside>
  return (
    <aside className="op-detail" aria-label="Entry detail" data-testid="entry-detail">
      <header className="op-detail-header">
        <code>{entry.id}</code>
        <button type="button" onClick={() => selectEntry(null)} aria-label="Close detail">
          ×
        </button>
      </header>
      {entry.envelopeError ? (
        <p className="op-error" role="alert">
          Envelope did not decode: {entry.envelopeError}
        </p>
      ) : null}
      {entry.envelope ? (
        <>
          <button
            type="button"
            onClick={() => {
              void findTraces('message', entry.envelope?.message_id ?? '')
              openView('traces')
            }}
          >
            Open its trace
          </button>
          <JsonView value={entry.envelope} label="Envelope" />
        </>
      ) : null}
      <h4>Fields</h4>
      <JsonView value={displayFields(entry)} label="Fields" />
    </aside>
  )
}
