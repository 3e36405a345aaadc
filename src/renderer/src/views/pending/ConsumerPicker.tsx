import { useShallow } from 'zustand/react/shallow'
import { pendingSelectors } from '../../stores/pending-selectors'
import { usePendingStore } from '../../stores/pending-store'

/** Pick an existing consumer (shown with its pending count) or type a new name. */
export function ConsumerPicker({ value, onChange }: { value: string; onChange: (name: string) => void }) {
  const targets = usePendingStore(useShallow(pendingSelectors.claimTargets))
  return (
    <div className="op-consumer-picker">
      <label>
        Consumer
        <input value={value} onChange={(e) => onChange(e.target.value)} placeholder="existing or new name" />
      </label>
      {targets.length > 0 ? (
        <ul aria-label="Existing consumers">
          {targets.map((t) => (
            <li key={t.name}>
              <button type="button" aria-pressed={t.name === value} onClick={() => onChange(t.name)}>
                {t.name} · {t.pending} pending
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
