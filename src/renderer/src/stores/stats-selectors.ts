import type { StatsPoint } from '../../../shared/api'
import { toMs } from '../components/operator/format'

export type ChartRow = { ts: number } & Record<string, number>

export const statsSelectors = {
  /** Every role seen in the window, sorted, so lines keep their colours. */
  roles: (points: StatsPoint[]): string[] => {
    const roles = new Set<string>()
    for (const p of points) for (const role of Object.keys(p.throughputByRole)) roles.add(role)
    return [...roles].sort()
  },
  throughputRows: (points: StatsPoint[]): ChartRow[] => points.map((p) => ({ ts: toMs(p.ts), ...p.throughputByRole })),
  /** Latency in ms (the main side sends seconds). */
  latencyRows: (points: StatsPoint[]): ChartRow[] =>
    points.map((p) => {
      const row: ChartRow = { ts: toMs(p.ts) }
      for (const [role, sec] of Object.entries(p.latencyByRole)) row[role] = sec * 1000
      return row
    }),
  healthRows: (points: StatsPoint[]): ChartRow[] =>
    points.map((p) => ({ ts: toMs(p.ts), errors: p.errors, violations: p.violations, deadLetters: p.deadLetters })),
}
