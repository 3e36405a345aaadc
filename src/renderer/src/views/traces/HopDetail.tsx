import { JsonView } from '../../components/operator/JsonView'
import { formatDateTime, toMs } from '../../components/operator/format'
import { tracesSelectors } from '../../stores/traces-selectors'
import { useTracesStore } from '../../stores/traces-store'
import { DiffList } from './DiffList'
import { ReplayFromHop } from './ReplayFromHop'
import { SafetyBudget } from './SafetyBudget'

/** The envelope as it left the current hop, its diff to the hop before, its safety budget. */
export function HopDetail() {
  const hop = useTracesStore(tracesSelectors.currentHop)
  if (!hop) return null
  return (
    <section className="op-hop-detail" aria-label="Hop detail" data-testid="hop-detail">
      <h3>
        {hop.role} <small>({hop.agentId})</small> → {hop.destination}
      </h3>
      <p className="op-note">
        {formatDateTime(toMs(hop.envelope.update_ts))} <ReplayFromHop key={hop.entryId} hop={hop} />
      </p>
      <SafetyBudget envelope={hop.envelope} />
      <h4>Changes</h4>
      <DiffList ops={hop.diff} />
      <h4>Envelope</h4>
      <JsonView value={hop.envelope} label="Envelope at this hop" />
    </section>
  )
}
