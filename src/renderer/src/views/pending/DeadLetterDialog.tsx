import { useState } from 'react'
import { ConfirmDialog } from '../../components/operator/ConfirmDialog'
import { pendingSelectors } from '../../stores/pending-selectors'
import { deadLetterSelected } from '../../stores/pending-actions'
import { usePendingStore } from '../../stores/pending-store'

/** Moves the selected entries to the dead-letter stream with the operator's reason. */
export function DeadLetterDialog({ onClose }: { onClose: () => void }) {
  const count = usePendingStore(pendingSelectors.selectedCount)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    setBusy(true)
    const outcome = await deadLetterSelected(reason.trim())
    setBusy(false)
    if (outcome.ok) onClose()
    else setError(outcome.message)
  }
  return (
    <ConfirmDialog title={`Dead-letter ${count} entries`} confirmLabel="Move to dead letters" danger busy={busy} onConfirm={() => void confirm()} onCancel={onClose}>
      <label>
        Reason
        <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="why these entries are set aside" />
      </label>
      {error ? <p className="op-error" role="alert">{error}</p> : null}
    </ConfirmDialog>
  )
}
