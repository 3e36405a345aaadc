import { useState } from 'react'
import { ConfirmDialog } from '../../components/operator/ConfirmDialog'
import { claimIdle, previewClaimIdle } from '../../stores/pending-actions'
import { usePendingStore } from '../../stores/pending-store'
import { ConsumerPicker } from './ConsumerPicker'

/** Claim everything idle longer than T: counts first, then asks before it runs. */
export function ClaimIdleDialog({ onClose }: { onClose: () => void }) {
  const [consumer, setConsumer] = useState('')
  const [minIdleSec, setMinIdleSec] = useState(() => Math.round(usePendingStore.getState().stuckThresholdMs / 1000))
  const [preview, setPreview] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const minIdleMs = Math.round(minIdleSec * 1000)

  const count = async () => {
    setBusy(true)
    const outcome = await previewClaimIdle(minIdleMs)
    setBusy(false)
    if (outcome.ok) {
      setPreview(outcome.value.count)
      setError(null)
    } else setError(outcome.message)
  }
  const run = async () => {
    setBusy(true)
    const outcome = await claimIdle(consumer.trim(), minIdleMs)
    setBusy(false)
    if (outcome.ok) onClose()
    else setError(outcome.message)
  }

  const changed = (update: () => void) => {
    update()
    setPreview(null)
  }
  return (
    <ConfirmDialog
      title="Claim all idle entries"
      confirmLabel={preview === null ? 'Count idle entries' : `Claim ${preview} entries`}
      busy={busy || preview === 0}
      onConfirm={() => void (preview === null ? count() : run())}
      onCancel={onClose}
    >
      <label>
        Idle longer than (s)
        <input type="number" min={0} value={minIdleSec} onChange={(e) => changed(() => setMinIdleSec(Number(e.target.value)))} />
      </label>
      <ConsumerPicker value={consumer} onChange={(name) => changed(() => setConsumer(name))} />
      {preview !== null ? (
        <p data-testid="claim-idle-preview">
          {preview} entries are idle longer than {minIdleSec} s and will move to {consumer || '(choose a consumer)'}.
        </p>
      ) : null}
      {error ? <p className="op-error" role="alert">{error}</p> : null}
    </ConfirmDialog>
  )
}
