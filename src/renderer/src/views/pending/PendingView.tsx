import { useEffect } from 'react'
import { ErrorNote } from '../../components/operator/ErrorNote'
import { ViewFrame } from '../../components/operator/ViewFrame'
import { refreshPending, usePendingStore } from '../../stores/pending-store'
import { topologySelectors } from '../../stores/topology-selectors'
import { startTopologyFeed, useTopologyStore } from '../../stores/topology-store'
import { ConsumersPanel } from './ConsumersPanel'
import { DeadLettersPanel } from './DeadLettersPanel'
import { PendingActions } from './PendingActions'
import { PendingPicker } from './PendingPicker'
import { PendingTable } from './PendingTable'

/** Pending entries of a group: who holds what for how long; claim, ack, dead-letter. */
export function PendingView() {
  useEffect(() => startTopologyFeed(), [])
  const stream = usePendingStore((s) => s.stream)
  const group = usePendingStore((s) => s.group)
  const error = usePendingStore((s) => s.error)
  const notice = usePendingStore((s) => s.notice)
  // The topology push tells when the group's pending count moved: reload then, never on a timer.
  const groupPending = useTopologyStore((s) => (stream && group ? (topologySelectors.group(s, stream, group)?.pending ?? null) : null))
  useEffect(() => {
    if (groupPending !== null) void refreshPending()
  }, [groupPending])

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
          <PendingTable />
          <ConsumersPanel />
        </>
      ) : (
        <p className="op-note">Choose a stream and one of its consumer groups.</p>
      )}
      <DeadLettersPanel />
    </ViewFrame>
  )
}
