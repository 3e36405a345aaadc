import { create } from 'zustand'
import type { RecentResults } from '@shared/api'
import { validatedCall, type Outcome } from '../components/operator/validated-call'

/** Warn and alarm levels for a group edge's lag and pending count, set by the operator. */
export interface EdgeThresholds {
  lagWarn: number
  lagBad: number
  pendingWarn: number
  pendingBad: number
}
export const DEFAULT_THRESHOLDS: EdgeThresholds = { lagWarn: 100, lagBad: 1000, pendingWarn: 10, pendingBad: 100 }
/** localStorage where there is one (the unit tests run without a DOM). */
type KeyValue = { getItem(key: string): string | null; setItem(key: string, value: string): void }
const storage = (): KeyValue | undefined => (globalThis as { localStorage?: KeyValue }).localStorage
const THRESHOLDS_KEY = 'switchyard.graph.thresholds'

/** What the operator does with the graph: the node opened in the side panel and the thresholds (kept locally). */
export interface TopologyGraphState {
  selectedNodeId: string | null
  thresholds: EdgeThresholds
  notice: string | null
  error: string | null
  /** The result lists' side panel: their count and the newest results. */
  results: RecentResults | null
}

function storedThresholds(): EdgeThresholds {
  try {
    const raw = storage()?.getItem(THRESHOLDS_KEY)
    const parsed = raw ? (JSON.parse(raw) as Partial<EdgeThresholds>) : {}
    const merged = { ...DEFAULT_THRESHOLDS }
    for (const key of Object.keys(merged) as Array<keyof EdgeThresholds>) {
      const value = parsed[key]
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) merged[key] = value
    }
    return merged
  } catch {
    return { ...DEFAULT_THRESHOLDS }
  }
}

export const useTopologyGraphStore = create<TopologyGraphState>(() => ({
  selectedNodeId: null,
  thresholds: storedThresholds(),
  notice: null,
  error: null,
  results: null,
}))
const set = useTopologyGraphStore.setState

export function selectNode(id: string | null): void {
  set({ selectedNodeId: id, notice: null, error: null })
}

export function setThreshold(key: keyof EdgeThresholds, value: number): void {
  if (!Number.isFinite(value) || value < 0) return
  const thresholds = { ...useTopologyGraphStore.getState().thresholds, [key]: value }
  set({ thresholds })
  try {
    storage()?.setItem(THRESHOLDS_KEY, JSON.stringify(thresholds))
  } catch {
    // Storage off: the thresholds last for this session.
  }
}

/** Trims a stream to its newest maxLen entries (exact, not approximate: the operator asked for a number). */
export async function trimStream(stream: string, maxLen: number): Promise<Outcome<{ deleted: number }>> {
  const outcome = await validatedCall('streams.trim', { stream, strategy: 'MAXLEN', threshold: maxLen })
  if (outcome.ok) set({ notice: `Trimmed ${outcome.value.deleted} entries from ${stream}`, error: null })
  else set({ error: outcome.message })
  return outcome
}

/** Newest results shown in the result lists' panel. */
export const RECENT_RESULTS_SHOWN = 10

export async function loadRecentResults(): Promise<void> {
  const outcome = await validatedCall('results.recent', { count: RECENT_RESULTS_SHOWN })
  if (outcome.ok) set({ results: outcome.value })
  else set({ error: outcome.message })
}
