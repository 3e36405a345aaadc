// Folds lifecycle events into seed 001's statistics report.
import { DEAD_AFTER_INTERVALS } from '../control/registry'
import type { FinalEnvelopeTotals, LifecycleEvent } from '../control/lifecycle'
import { RECENT_FINALS } from '../control/lifecycle'

/** Bound on the agents one collector remembers (oldest silent ones are dropped first). */
export const MAX_TRACKED_AGENTS = 1_000

export interface RegistryRow {
  agentId: string
  role: string
  status: string
  lastUpdateAgoSec: number
  runs: number
  avgTimeSec: number
}

export interface StatsReport {
  uptimeSec: number
  reportIntervalSec: number
  activeAgents: number
  totalRuns: number
  runsSinceLast: number
  byRole: Array<{ role: string; total: number; sinceLast: number }>
  envelopes: {
    total: number
    sinceLast: number
    avgAgeSec: number
    recentAgeSec: number
    avgTimeSec: number
    recentTimeSec: number
    avgSteps: number
    recentSteps: number
  }
  registry: RegistryRow[]
}

const finite = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0)
const mean = (sum: number, count: number): number => (count > 0 ? sum / count : 0)

/** Folds lifecycle events (latest per agent, cumulative counters) into seed 001's report. */
export class StatsCollector {
  private readonly latest = new Map<string, LifecycleEvent>()
  private lastRunsByRole = new Map<string, number>()
  private lastEnvelopes = 0

  constructor(private readonly startedSec: number = Date.now() / 1000) {}

  ingest(event: LifecycleEvent): void {
    this.latest.delete(event.agent_id) // re-insert so the map stays ordered by recency
    this.latest.set(event.agent_id, event)
    if (this.latest.size > MAX_TRACKED_AGENTS) {
      const oldest = this.latest.keys().next().value
      if (oldest !== undefined) this.latest.delete(oldest)
    }
  }

  /** Builds a report; `advance` makes it the baseline of the next "since last". */
  report(nowSec: number, reportIntervalSec: number, advance = true): StatsReport {
    const events = [...this.latest.values()]
    const runsByRole = new Map<string, number>()
    const totals: FinalEnvelopeTotals = { count: 0, age_sum: 0, time_sum: 0, steps_sum: 0, recent: [] }
    for (const e of events) {
      runsByRole.set(String(e.role ?? ''), (runsByRole.get(String(e.role ?? '')) ?? 0) + finite(e.runs))
      const env = e.envelopes
      if (!env) continue
      totals.count += env.count
      totals.age_sum += env.age_sum
      totals.time_sum += env.time_sum
      totals.steps_sum += env.steps_sum
      totals.recent.push(...env.recent)
    }
    const recent = totals.recent.slice(-RECENT_FINALS)
    const sum = (pick: (r: { age: number; time: number; steps: number }) => number): number =>
      recent.reduce((acc, r) => acc + pick(r), 0)
    const byRole = [...runsByRole.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([role, total]) => ({ role, total, sinceLast: total - (this.lastRunsByRole.get(role) ?? 0) }))
    const totalRuns = byRole.reduce((acc, r) => acc + r.total, 0)
    const registry = events
      // Every field coerced: an event of another language's agent may carry only the seed's six.
      .map((e) => ({
        agentId: String(e.agent_id),
        role: String(e.role ?? ''),
        status: e.event === 'exit' ? 'stopped' : this.isSilent(e, nowSec) ? 'dead' : e.busy ? 'busy' : String(e.status ?? 'idle'),
        lastUpdateAgoSec: Math.max(0, nowSec - finite(e.ts)),
        runs: finite(e.runs),
        avgTimeSec: finite(e.avg_time),
      }))
      .sort((a, b) => a.agentId.localeCompare(b.agentId, undefined, { numeric: true }))
    const report: StatsReport = {
      uptimeSec: nowSec - this.startedSec,
      reportIntervalSec,
      activeAgents: registry.filter((r) => r.status !== 'stopped' && r.status !== 'dead').length,
      totalRuns,
      runsSinceLast: byRole.reduce((acc, r) => acc + r.sinceLast, 0),
      byRole,
      envelopes: {
        total: totals.count,
        sinceLast: totals.count - this.lastEnvelopes,
        avgAgeSec: mean(totals.age_sum, totals.count),
        recentAgeSec: mean(sum((r) => r.age), recent.length),
        avgTimeSec: mean(totals.time_sum, totals.count),
        recentTimeSec: mean(sum((r) => r.time), recent.length),
        avgSteps: mean(totals.steps_sum, totals.count),
        recentSteps: mean(sum((r) => r.steps), recent.length),
      },
      registry,
    }
    if (advance) {
      this.lastRunsByRole = runsByRole
      this.lastEnvelopes = totals.count
    }
    return report
  }

  private isSilent(event: LifecycleEvent, nowSec: number): boolean {
    return nowSec - event.ts > DEAD_AFTER_INTERVALS * Math.max(event.interval || 5, 0.1)
  }
}
