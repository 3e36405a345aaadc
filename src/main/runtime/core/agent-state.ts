// An agent instance's identity, status, totals and lifecycle events.
import { EventEmitter } from 'node:events'
import {
  RECENT_FINALS,
  type AgentContext,
  type AgentStatus,
  type FinalEnvelopeTotals,
  type LifecycleEvent,
  type LifecycleEventName,
} from '../control/lifecycle'
import { roleFromClassName } from './role-name'
import { runtimeEvents } from '../stats/hop-events'

/** What an agent instance shows the world: its identity, status, totals and lifecycle events (seed 001's statistics). */
export abstract class AgentState extends EventEmitter {
  readonly role: string
  agentId = ''
  status: AgentStatus = 'stopped'
  runs = 0
  totalTimeSec = 0
  startedTs = 0
  readonly finals: FinalEnvelopeTotals = { count: 0, age_sum: 0, time_sum: 0, steps_sum: 0, recent: [] }
  protected ctx!: AgentContext

  constructor(role?: string) {
    super()
    this.role = role ?? roleFromClassName(new.target.name)
  }

  get busy(): boolean {
    return this.status === 'busy'
  }

  heartbeatEvent(event: LifecycleEventName): LifecycleEvent {
    return {
      kind: 'status', event, role: this.role, agent_id: this.agentId, busy: this.busy, ts: Date.now() / 1000,
      host: this.ctx.host, pid: this.ctx.pid, status: this.status, runs: this.runs,
      avg_time: this.runs ? this.totalTimeSec / this.runs : 0, started_ts: this.startedTs,
      interval: this.ctx.options.heartbeatIntervalSec, envelopes: { ...this.finals, recent: [...this.finals.recent] },
    }
  }

  protected lifecycle(event: LifecycleEventName): void {
    if (this.ctx) this.ctx.emitLifecycle(this.heartbeatEvent(event))
  }

  protected recordRun(durationSec: number, failed = false): void {
    this.runs += 1
    this.totalTimeSec += durationSec
    runtimeEvents.hop(this.role, durationSec, failed)
  }

  protected recordFinal(ageSec: number, timeSec: number, steps: number): void {
    const f = this.finals
    f.count += 1
    f.age_sum += ageSec
    f.time_sum += timeSec
    f.steps_sum += steps
    f.recent.push({ age: ageSec, time: timeSec, steps })
    if (f.recent.length > RECENT_FINALS) f.recent.shift()
  }
}
