import { useState } from 'react'
import { ConfirmDialog } from '../../components/operator/ConfirmDialog'
import { formatDuration } from '../../components/operator/format'
import { deleteConsumer } from '../../stores/pending-actions'
import { pendingSelectors } from '../../stores/pending-selectors'
import { usePendingStore } from '../../stores/pending-store'

/** Every consumer of the group, those with nothing pending too; only empty ones can be deleted (asks first). */
export function ConsumersPanel() {
  const consumers = usePendingStore((s) => s.consumers)
  const group = usePendingStore((s) => s.group)
  const [doomed, setDoomed] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (!group) return null
  const confirm = async () => {
    if (!doomed) return
    const outcome = await deleteConsumer(doomed)
    if (outcome.ok) setDoomed(null)
    else setError(outcome.message)
  }
  return (
    <section className="op-panel" aria-label="Consumers">
      <h3>Consumers of {group} ({consumers.length})</h3>
      {consumers.length === 0 ? <p className="op-note">None.</p> : null}
      <ul>
        {consumers.map((c) => (
          <li key={c.name} data-consumer={c.name}>
            {c.name} · <span data-testid="consumer-pending">{c.pending}</span> pending
            {c.idleMs !== undefined ? ` · idle ${formatDuration(c.idleMs)}` : ''}{' '}
            <button
              type="button"
              disabled={!pendingSelectors.canDeleteConsumer(c)}
              title={pendingSelectors.canDeleteConsumer(c) ? undefined : 'Claim or acknowledge its entries first: deleting it would drop them'}
              onClick={() => setDoomed(c.name)}
              aria-label={`Delete consumer ${c.name}`}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      {doomed ? (
        <ConfirmDialog title={`Delete consumer ${doomed}`} confirmLabel="Delete consumer" danger onConfirm={() => void confirm()} onCancel={() => setDoomed(null)}>
          <p>It holds no pending entries. An agent that still reads as {doomed} joins the group again on its next read.</p>
          {error ? <p className="op-error" role="alert">{error}</p> : null}
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
