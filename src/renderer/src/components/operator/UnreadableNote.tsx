import { topologySelectors } from '../../stores/topology-selectors'
import { useTopologyStore } from '../../stores/topology-store'
import { unreadableTitle } from './unreadable-title'


/**
 * What the Redis user's rights kept out of the topology, next to the rest of
 * it: each refused key with the right that is missing (the snapshot's `unreadable`).
 */
export function UnreadableNote() {
  const unreadable = useTopologyStore(topologySelectors.unreadable)
  if (unreadable.length === 0) return null
  return (
    <div className="op-note" role="status" data-testid="unreadable">
      <p>{unreadableTitle(unreadable.length)}</p>
      <ul>
        {unreadable.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
    </div>
  )
}
