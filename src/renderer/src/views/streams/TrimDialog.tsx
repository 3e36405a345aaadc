import { useState } from 'react'
import { ConfirmDialog } from '../../components/operator/ConfirmDialog'
import { trimStream } from '../../stores/streams-store'

type Strategy = 'MAXLEN' | 'MINID'

/** Trims a stream by length or by oldest id kept; entries removed are gone for good. */
export function TrimDialog({ stream, onClose }: { stream: string; onClose: () => void }) {
  const [strategy, setStrategy] = useState<Strategy>('MAXLEN')
  const [threshold, setThreshold] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    const text = threshold.trim()
    const value = strategy === 'MAXLEN' && /^\d+$/.test(text) ? Number(text) : text
    setBusy(true)
    const outcome = await trimStream({ stream, strategy, threshold: value })
    setBusy(false)
    if (!outcome.ok) return setError(outcome.message)
    onClose()
  }
  return (
    <ConfirmDialog title={`Trim ${stream}`} confirmLabel="Trim" danger busy={busy} onConfirm={() => void confirm()} onCancel={onClose}>
      <label>
        Keep
        <select value={strategy} onChange={(e) => setStrategy(e.target.value as Strategy)}>
          <option value="MAXLEN">the newest N entries (MAXLEN)</option>
          <option value="MINID">entries from this id on (MINID)</option>
        </select>
      </label>
      <label>
        {strategy === 'MAXLEN' ? 'N' : 'Oldest id kept'}
        <input value={threshold} onChange={(e) => setThreshold(e.target.value)} />
      </label>
      <p>Entries trimmed away cannot be brought back, pending ones included.</p>
      {error ? <p className="op-error" role="alert">{error}</p> : null}
    </ConfirmDialog>
  )
}
