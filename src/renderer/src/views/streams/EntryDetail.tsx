import { useMemo } from 'react'
import { displayFields } from '../../components/operator/binary-format'
import { CopyButton } from '../../components/operator/CopyButton'
import { JsonView } from '../../components/operator/JsonView'
import { openTrace } from '../../components/operator/navigate'
import { streamsSelectors } from '../../stores/streams-selectors'
import { selectEntry, useStreamsStore } from '../../stores/streams-store'
import { expandJsonFields } from './entry-filter'

/** The selected entry: its envelope decoded (or why not), and its fields with JSON values shown as JSON. */
export function EntryDetail() {
  const entry = useStreamsStore(streamsSelectors.selectedEntry)
  const fields = useMemo(() => (entry ? expandJsonFields(displayFields(entry)) : {}), [entry])
  if (!entry) return <aside className="op-detail op-note">Select an entry to see its content (j / k move, c copies).</aside>
  return (
    <aside className="op-detail" aria-label="Entry detail" data-testid="entry-detail">
      <header className="op-detail-header">
        <span>
          <code>{entry.id}</code>
          <CopyButton text={entry.id} what="entry id" />
        </span>
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
          <button type="button" onClick={() => openTrace(entry.envelope?.message_id ?? '')}>
            Open its trace
          </button>
          <CopyButton text={JSON.stringify(entry.envelope, null, 2)} what="envelope JSON" />
          <JsonView value={entry.envelope} label="Envelope" />
        </>
      ) : null}
      <h4>
        Fields <CopyButton text={JSON.stringify(fields, null, 2)} what="fields JSON" />
      </h4>
      <JsonView value={fields} label="Fields" />
    </aside>
  )
}
