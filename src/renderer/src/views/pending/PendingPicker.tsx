import { useShallow } from 'zustand/react/shallow'
import { choosePending, filterConsumer, refreshPending, setStuckThreshold, usePendingStore } from '../../stores/pending-store'
import { topologySelectors } from '../../stores/topology-selectors'
import { useTopologyStore } from '../../stores/topology-store'

/** Stream and group choice (from the topology), the stuck threshold, refresh. */
export function PendingPicker() {
  const stream = usePendingStore((s) => s.stream)
  const group = usePendingStore((s) => s.group)
  const stuckMs = usePendingStore((s) => s.stuckThresholdMs)
  const consumer = usePendingStore((s) => s.consumer)
  const consumers = usePendingStore((s) => s.consumers)
  const streams = useTopologyStore(useShallow(topologySelectors.streamsWithGroups))
  const groups = useTopologyStore(useShallow((s) => (stream ? topologySelectors.groupNamesOf(s, stream) : [])))
  return (
    <div className="op-picker">
      <label>
        Stream
        <select
          value={stream ?? ''}
          onChange={(e) => {
            const next = e.target.value
            const first = topologySelectors.groupNamesOf(useTopologyStore.getState(), next)[0]
            if (first) void choosePending(next, first)
          }}
        >
          <option value="" disabled>
            choose a stream
          </option>
          {streams.map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
        </select>
      </label>
      <label>
        Group
        <select value={group ?? ''} onChange={(e) => stream && void choosePending(stream, e.target.value)} disabled={!stream}>
          {groups.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Held by
        <select value={consumer ?? ''} onChange={(e) => void filterConsumer(e.target.value || null)} disabled={!group}>
          <option value="">all consumers</option>
          {consumers.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name} ({c.pending})
            </option>
          ))}
        </select>
      </label>
      <label>
        Stuck after (s)
        <input
          type="number"
          min={0}
          value={Math.round(stuckMs / 1000)}
          onChange={(e) => setStuckThreshold(Number(e.target.value) * 1000)}
        />
      </label>
      <button type="button" onClick={() => void refreshPending()} disabled={!group}>
        Refresh
      </button>
    </div>
  )
}
