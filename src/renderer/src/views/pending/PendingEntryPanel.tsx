import { JsonView } from '../../components/operator/JsonView'
import { traceHref } from '../../components/operator/navigate'
import { pendingSelectors } from '../../stores/pending-selectors'
import { openEntry, usePendingStore } from '../../stores/pending-store'

/** The opened entry: its fields (the envelope decoded) and a link to its trace. */
export function PendingEntryPanel() {
  const entry = usePendingStore(pendingSelectors.opened)
  if (!entry) return null
  const messageId = pendingSelectors.messageIdOf(entry)
  let body: unknown = entry.fields
  if (entry.fields?.envelope) {
    try {
      body = { ...entry.fields, envelope: JSON.parse(entry.fields.envelope) as unknown }
    } catch {
      // Not JSON: shown as it is.
    }
  }
  return (
    <aside className="op-detail" aria-label="Pending entry" data-testid="pending-entry">
      <div className="op-detail-header">
        <h3>
          <code>{entry.id}</code>
        </h3>
        <button type="button" onClick={() => openEntry(null)} aria-label="Close entry">
          ✕
        </button>
      </div>
      <p className="op-note">
        Held by {entry.consumer} · delivered {entry.deliveries}×
      </p>
      {messageId ? (
        <p>
          <a href={traceHref(messageId)} data-testid="open-trace">
            Open trace of {messageId}
          </a>
        </p>
      ) : (
        <p className="op-note">No envelope: this entry has no trace.</p>
      )}
      {entry.fields === null ? <p className="op-note">The entry was deleted or trimmed from the stream.</p> : <JsonView value={body} label="Entry fields" />}
    </aside>
  )
}
