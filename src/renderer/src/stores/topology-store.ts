import { create } from 'zustand'
import type { TopologySnapshot } from '@shared/api'
import { call, subscribe } from '../api/client'
import { errorText } from '../components/operator/format'

/**
 * The latest topology snapshot pushed by the main side ('topology', ≤4/s).
 * Only the newest snapshot is kept: one snapshot is the whole buffer.
 */
export interface TopologyState {
  snapshot: TopologySnapshot | null
  error: string | null
}

export const useTopologyStore = create<TopologyState>(() => ({ snapshot: null, error: null }))

export function receiveTopology(snapshot: TopologySnapshot): void {
  const current = useTopologyStore.getState().snapshot
  // Pushes may overtake the initial request's answer; never go back in time.
  if (current && current.ts > snapshot.ts) return
  useTopologyStore.setState({ snapshot, error: null })
}

let feedUsers = 0
let stopFeed: (() => void) | null = null

/**
 * Several views read the topology; they share one subscription, counted, so
 * the last view to unmount unsubscribes. Returns this user's release function.
 */
export function startTopologyFeed(): () => void {
  feedUsers += 1
  if (feedUsers === 1) {
    stopFeed = subscribe('topology', receiveTopology)
    call('topology.snapshot', {}).then(receiveTopology, (err: unknown) =>
      useTopologyStore.setState({ error: errorText(err) }),
    )
  }
  let released = false
  return () => {
    if (released) return
    released = true
    feedUsers -= 1
    if (feedUsers === 0) {
      stopFeed?.()
      stopFeed = null
    }
  }
}
