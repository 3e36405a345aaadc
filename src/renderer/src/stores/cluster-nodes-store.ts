import { create } from 'zustand'
import type { ClusterNodes } from '@shared/api'
import { call } from '../api/client'

interface ClusterNodesState {
  answer: ClusterNodes | null
  /** Why the last read failed (not connected, …); the last answer stays shown. */
  error: string | null
}

export const useClusterNodesStore = create<ClusterNodesState>(() => ({ answer: null, error: null }))

/** Reads the Cluster's nodes once (the Connection screen calls it every few seconds while it shows them). */
export async function refreshClusterNodes(): Promise<void> {
  try {
    useClusterNodesStore.setState({ answer: await call('connection.nodes', {}), error: null })
  } catch (error) {
    useClusterNodesStore.setState({ error: error instanceof Error ? error.message : String(error) })
  }
}

/** "0–5460, 10923–16383"; "none" for a replica. */
export function slotRangesText(slots: ReadonlyArray<readonly [number, number]>): string {
  if (slots.length === 0) return 'none'
  return slots.map(([from, to]) => (from === to ? String(from) : `${from}–${to}`)).join(', ')
}
