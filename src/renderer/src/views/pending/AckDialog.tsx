import { useState } from 'react'
import { ConfirmDialog } from '../../components/operator/ConfirmDialog'
import { pendingSelectors } from '../../stores/pending-selectors'
import { ackSelected } from '../../stores/pending-actions'
import { usePendingStore } from '../../stores/pending-store'

/** Acknowledging removes entries from the pending list for good: confirm first. */
export function AckDialog({ onClose }: { onClose: () => void }) {
  const count = usePendingStore(pendingSelectors.selectedCount)
  const group = usePendingStore((s) => s.group)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    setBusy(true)
    const outcome = await ackSelected()
    setBusy(false)
    if (outcome.ok) onClose()
    else setError(outcome.message)
  }
  return (
    <ConfirmDialog title={`Acknowledge ${count} entries`} confirmLabel="Acknowledge" danger busy={busy} onConfirm={() => void confirm()} onCancel={onClose}>
      <p>
        They leave group {group}&apos;s pending list without being processed. This cannot be undone.
      </p>
      {error ? <p className="op-error" role="alert">{error}</p> : null}
    </ConfirmDialog>
  )
}
