import { useState } from 'react'
import { ConfirmDialog } from '../../components/operator/ConfirmDialog'
import { deleteConsumer, usePendingStore } from '../../stores/pending-store'

/** The group's consumers with their pending counts; deleting one asks first. */
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
      <h3>Consumers of {group}</h3>
      <ul>
        {consumers.map((c) => (
          <li key={c.name} data-consumer={c.name}>
            {c.name} · <span data-testid="consumer-pending">{c.pending}</span> pending{' '}
            <button type="button" onClick={() => setDoomed(c.name)} aria-label={`Delete consumer ${c.name}`}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      {doomed ? (
        <ConfirmDialog title={`Delete consumer ${doomed}`} confirmLabel="Delete consumer" danger onConfirm={() => void confirm()} onCancel={() => setDoomed(null)}>
          <p>Its pending entries are released: nobody owns them until they are claimed.</p>
          {error ? <p className="op-error" role="alert">{error}</p> : null}
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
