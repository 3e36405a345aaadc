import { useEffect } from 'react'
import { ErrorNote } from '../../components/operator/ErrorNote'
import { ViewFrame } from '../../components/operator/ViewFrame'
import { loadDeadLetters, refreshPending, usePendingStore } from '../../stores/pending-store'
import { topologySelectors } from '../../stores/topology-selectors'
import { startTopologyFeed, useTopologyStore } from '../../stores/topology-store'
import { ConsumersPanel } from './ConsumersPanel'
import { DeadLettersPanel } from './DeadLettersPanel'
import { PendingActions } from './PendingActions'
import { PendingEntryPanel } from './PendingEntryPanel'
import { PendingPicker } from './PendingPicker'
import { PendingTable } from './PendingTable'

/** Pending entries of a group as live triage: who holds what for how long; claim, ack, dead-letter. */
export function PendingView() {
  useEffect(() => startTopologyFeed(), [])
  const stream = usePendingStore((s) => s.stream)
  const group = usePendingStore((s) => s.group)
  const error = usePendingStore((s) => s.error)
  const notice = usePendingStore((s) => s.notice)
  // The topology push tells when the group moved (pending count, consumers, position): reload then, never on a timer.
  const groupKey = useTopologyStore((s) => (stream && group ? topologySelectors.groupChangeKey(s, stream, group) : null))
  useEffect(() => {
    if (groupKey !== null) void refreshPending()
  }, [groupKey])
  // Dead letters of every stream: their count moves with the dead-letter streams' lengths.
  const deadLetterKey = useTopologyStore(topologySelectors.deadLetterKey)
  useEffect(() => void loadDeadLetters(), [deadLetterKey])

  return (
    <ViewFrame id="pending" title="Pending" toolbar={<PendingPicker />}>
      <ErrorNote message={error} />
      {notice ? (
        <p className="op-notice" role="status">
          {notice}
        </p>
      ) : null}
      {group ? (
        <>
          <PendingActions />
          <div className="op-split">
            <div className="op-main">
              <PendingTable />
              <ConsumersPanel />
            </div>
            <PendingEntryPanel />
          </div>
        </>
      ) : (
        <p className="op-note">Choose a stream and one of its consumer groups.</p>
      )}
      <DeadLettersPanel />
    </ViewFrame>
  )
}
