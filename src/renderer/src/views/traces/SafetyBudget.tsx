import type { Envelope } from '@shared/envelope'
import { tracesSelectors } from '../../stores/traces-selectors'

/** How close the envelope was to each safety limit when it left the hop. */
export function SafetyBudget({ envelope }: { envelope: Envelope }) {
  const items = tracesSelectors.budget(envelope, envelope.update_ts)
  return (
    <div className="op-budget" aria-label="Safety budget">
      {items.map((item) => (
        <label key={item.name} className={item.fraction >= 1 ? 'op-over' : item.fraction >= 0.8 ? 'op-near' : undefined}>
          {item.name}: {Number.isInteger(item.used) ? item.used : item.used.toFixed(2)} of {item.limit} {item.unit}
          <meter min={0} max={item.limit} low={item.limit * 0.6} high={item.limit * 0.8} optimum={0} value={Math.min(item.used, item.limit)} />
        </label>
      ))}
    </div>
  )
}
