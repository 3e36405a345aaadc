import { useState } from 'react'
import { ConfirmDialog } from '../../components/operator/ConfirmDialog'
import { pendingSelectors } from '../../stores/pending-selectors'
import { claimSelected } from '../../stores/pending-actions'
import { usePendingStore } from '../../stores/pending-store'
import { ConsumerPicker } from './ConsumerPicker'

/** Claims the selected entries to a consumer, only those idle at least "min idle". */
export function ClaimDialog({ onClose }: { onClose: () => void }) {
  const count = usePendingStore(pendingSelectors.selectedCount)
  const [consumer, setConsumer] = useState('')
  const [minIdleSec, setMinIdleSec] = useState(() => Math.floor(pendingSelectors.minSelectedIdleMs(usePendingStore.getState()) / 1000))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    setBusy(true)
    const outcome = await claimSelected(consumer.trim(), Math.round(minIdleSec * 1000))
    setBusy(false)
    if (outcome.ok) onClose()
    else setError(outcome.message)
  }
  return (
    <ConfirmDialog title={`Claim ${count} entries`} confirmLabel="Claim" busy={busy} onConfirm={() => void confirm()} onCancel={onClose}>
      <ConsumerPicker value={consumer} onChange={setConsumer} />
      <label>
        Min idle (s)
        <input type="number" min={0} value={minIdleSec} onChange={(e) => setMinIdleSec(Number(e.target.value))} />
      </label>
      {error ? <p className="op-error" role="alert">{error}</p> : null}
    </ConfirmDialog>
  )
}
