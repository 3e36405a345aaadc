import { useMemo, useState } from 'react'
import { openStream, useStreamsStore } from '../../stores/streams-store'
import { topologySelectors } from '../../stores/topology-selectors'
import { useTopologyStore } from '../../stores/topology-store'

/** The streams found by the topology snapshot, with their lengths. */
export function StreamList() {
  const streams = useTopologyStore(topologySelectors.streams)
  const current = useStreamsStore((s) => s.stream)
  const [filter, setFilter] = useState('')
  const sorted = useMemo(() => {
    const needle = filter.trim().toLowerCase()
    return streams.filter((info) => !needle || info.key.toLowerCase().includes(needle)).sort((a, b) => a.key.localeCompare(b.key))
  }, [streams, filter])
  return (
    <nav className="op-stream-list" aria-label="Streams">
      <input aria-label="Filter streams" placeholder="filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <ul>
        {sorted.map((info) => (
          <li key={info.key}>
            <button
              type="button"
              aria-current={info.key === current ? 'true' : undefined}
              onClick={() => void openStream(info.key)}
            >
              <span className="op-stream-key">{info.key}</span>
              <span className="op-stream-length">{info.length}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
