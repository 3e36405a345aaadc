import { CopyButton } from '../../components/operator/CopyButton'
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
  const trace = useTracesStore(tracesSelectors.currentTrace)
  if (!hop || !trace) return null
  const replayed = tracesSelectors.replayedHops(trace)[hop.index] ?? false
  const first = hop.index === 0
  return (
    <section className="op-hop-detail" aria-label="Hop detail" data-testid="hop-detail">
      <h3>
        {hop.role} <small>({hop.agentId})</small> → {hop.destination}
        {replayed ? <span className="replayed-mark" data-testid="replayed-mark"> replayed</span> : null}
      </h3>
      <p className="op-note">
        {formatDateTime(toMs(hop.envelope.update_ts))} <ReplayFromHop key={hop.entryId} hop={hop} />
      </p>
      <SafetyBudget envelope={hop.envelope} />
      <h4>Changes{first ? ' (first hop: what it left with; the state before it is not journaled)' : ''}</h4>
      <DiffList ops={first ? tracesSelectors.firstHopChanges(hop) : hop.diff} />
      <h4>
        Envelope <CopyButton text={JSON.stringify(hop.envelope, null, 2)} what="envelope JSON" />
      </h4>
      <JsonView value={hop.envelope} label="Envelope at this hop" />
    </section>
  )
}
