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
  /** A role absent from a point did no hops then: 0, so its line does not break. */
  throughputRows: (points: StatsPoint[]): ChartRow[] => {
    const roles = statsSelectors.roles(points)
    return points.map((p) => {
      const row: ChartRow = { ts: toMs(p.ts) }
      for (const role of roles) row[role] = p.throughputByRole[role] ?? 0
      return row
    })
  },
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
