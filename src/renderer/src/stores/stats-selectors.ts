import type { StatsPoint } from '@shared/api'
import { toMs } from '../components/operator/format'

/** A chart row; null where there was no sample (a gap, drawn as a break). */
export type ChartRow = { ts: number } & Record<string, number | null>

/** Rows drawn per chart at most: longer windows are averaged into buckets. */
export const MAX_CHART_ROWS = 360
/** A pause between samples longer than this many typical intervals is a gap. */
export const GAP_FACTOR = 3

function median(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/** Averages points into at most `max` buckets (by position, time kept as the bucket's last). */
export function downsample(points: StatsPoint[], max = MAX_CHART_ROWS): StatsPoint[] {
  if (points.length <= max) return points
  const size = Math.ceil(points.length / max)
  const out: StatsPoint[] = []
  for (let i = 0; i < points.length; i += size) {
    const bucket = points.slice(i, i + size)
    const avg = (pick: (p: StatsPoint) => Record<string, number>): Record<string, number> => {
      const sums: Record<string, number> = {}
      for (const p of bucket) for (const [k, v] of Object.entries(pick(p))) sums[k] = (sums[k] ?? 0) + v
      return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / bucket.length]))
    }
    const sum = (pick: (p: StatsPoint) => number): number => bucket.reduce((a, p) => a + pick(p), 0)
    out.push({
      ts: bucket[bucket.length - 1]?.ts ?? 0,
      throughputByRole: avg((p) => p.throughputByRole),
      latencyByRole: avg((p) => p.latencyByRole),
      errors: sum((p) => p.errors),
      violations: sum((p) => p.violations),
      deadLetters: sum((p) => p.deadLetters),
    })
  }
  return out
}

/** Puts an all-null row inside every pause longer than GAP_FACTOR typical intervals, so lines break there. */
export function withGaps(rows: ChartRow[], series: string[]): ChartRow[] {
  if (rows.length < 3) return rows
  const steps = rows.slice(1).map((row, i) => row.ts - (rows[i]?.ts ?? row.ts))
  const limit = median(steps) * GAP_FACTOR
  const out: ChartRow[] = []
  rows.forEach((row, i) => {
    const before = rows[i - 1]
    if (before && limit > 0 && row.ts - before.ts > limit) {
      const gap: ChartRow = { ts: Math.round((row.ts + before.ts) / 2) }
      for (const key of series) gap[key] = null
      out.push(gap)
    }
    out.push(row)
  })
  return out
}

export const statsSelectors = {
  /** Every role seen in the window, sorted, so lines keep their colours. */
  roles: (points: StatsPoint[]): string[] => {
    const roles = new Set<string>()
    for (const p of points) for (const role of Object.keys(p.throughputByRole)) roles.add(role)
    return [...roles].sort()
  },
  /** Points of the last `windowSec` before the newest one. */
  inWindow: (points: StatsPoint[], windowSec: number): StatsPoint[] => {
    const newest = points[points.length - 1]
    if (!newest) return points
    const since = toMs(newest.ts) - windowSec * 1000
    return points.filter((p) => toMs(p.ts) >= since)
  },
  /** A role absent from a point did no hops then: 0; a missing sample is a gap (null). */
  throughputRows: (points: StatsPoint[]): ChartRow[] => {
    const roles = statsSelectors.roles(points)
    const rows = points.map((p) => {
      const row: ChartRow = { ts: toMs(p.ts) }
      for (const role of roles) row[role] = p.throughputByRole[role] ?? 0
      return row
    })
    return withGaps(rows, roles)
  },
  /** Latency in ms (the main side sends seconds). */
  latencyRows: (points: StatsPoint[]): ChartRow[] => {
    const rows = points.map((p) => {
      const row: ChartRow = { ts: toMs(p.ts) }
      for (const [role, sec] of Object.entries(p.latencyByRole)) row[role] = sec * 1000
      return row
    })
    return withGaps(rows, statsSelectors.roles(points))
  },
  healthRows: (points: StatsPoint[]): ChartRow[] =>
    points.map((p) => ({ ts: toMs(p.ts), errors: p.errors, violations: p.violations, deadLetters: p.deadLetters })),
}
