import { create } from 'zustand'
import type { StatsPoint } from '@shared/api'
import { subscribe } from '../api/client'
import { validatedCall } from '../components/operator/validated-call'

/** Points kept for the charts (a ring: the oldest fall off); main keeps 6 h at 2 s, the same. */
export const MAX_STATS_POINTS = 10_800
export const STATS_WINDOW_SEC = 300
/** The windows offered: 5 min, 1 h, and since start (the most main answers: 24 h). */
export const STATS_WINDOWS = [
  { label: '5 min', sec: 300 },
  { label: '1 h', sec: 3600 },
  { label: 'since start', sec: 24 * 3600 },
] as const

export interface StatsState {
  points: StatsPoint[]
  windowSec: number
  error: string | null
}

export const useStatsStore = create<StatsState>(() => ({ points: [], windowSec: STATS_WINDOW_SEC, error: null }))
const set = useStatsStore.setState
const get = useStatsStore.getState

/** Appends points newer than the last one held, keeping at most `max`. */
export function appendPoints(points: StatsPoint[], incoming: StatsPoint[], max = MAX_STATS_POINTS): StatsPoint[] {
  const last = points[points.length - 1]?.ts ?? -Infinity
  const fresh = incoming.filter((p) => p.ts > last).sort((a, b) => a.ts - b.ts)
  if (fresh.length === 0) return points
  const merged = points.concat(fresh)
  return merged.length > max ? merged.slice(merged.length - max) : merged
}

export function receiveStats(point: StatsPoint): void {
  set({ points: appendPoints(get().points, [point]) })
}

export async function loadStats(): Promise<void> {
  const outcome = await validatedCall('stats.series', { windowSec: get().windowSec })
  if (!outcome.ok) return set({ error: outcome.message })
  // The series comes first, pushes that arrived meanwhile are newer and stay.
  const pushed = get().points
  const series = appendPoints([], outcome.value)
  set({ points: appendPoints(series, pushed), error: null })
}

export function startStatsFeed(): () => void {
  const unsubscribe = subscribe('stats', receiveStats)
  void loadStats()
  return unsubscribe
}

/** Shows another window; a longer one loads what main holds for it. */
export function setStatsWindow(windowSec: number): void {
  set({ windowSec })
  void loadStats()
}
