import { topologySelectors } from '../../stores/topology-selectors'
import { useTopologyStore } from '../../stores/topology-store'

/** "1 key could not be read:" / "3 keys could not be read:". */
export function unreadableTitle(count: number): string {
  return `${count} ${count === 1 ? 'key' : 'keys'} could not be read:`
}

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
