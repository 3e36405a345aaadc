// Seed 001's monitoring agent.
import type { Envelope } from '@shared/envelope'
import { BaseAgent } from '../core/base-agent'
import type { AgentContext } from '../control/lifecycle'
import { StatsCollector } from './stats-collector'
import { formatStatsReport } from './stats-format'
import { writeStatsFile } from './stats-files'

export { FINAL_STATS_FILE, LIVE_STATS_FILE } from './stats-files'

/**
 * Seed 001's monitoring agent: folds every lifecycle event (local and from
 * other hosts) into statistics, writes agent_statistics.txt every report
 * interval and agent_final_statistics.txt when it stops. An envelope sent to
 * role `stats` comes back with the current report in payload.stats.
 */
export class StatsAgent extends BaseAgent {
  private collector = new StatsCollector()
  private timer: NodeJS.Timeout | null = null
  private unsubscribe: (() => void) | null = null

  override async start(ctx: AgentContext): Promise<void> {
    this.collector = new StatsCollector()
    this.unsubscribe = ctx.onLifecycle((event) => this.collector.ingest(event))
    await super.start(ctx)
    this.timer = setInterval(() => void this.writeReport(false), ctx.options.reportIntervalSec * 1000)
    this.timer.unref()
  }

  override async stop(options: { drain?: boolean } = {}): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    // Written before the loop stops: the runtime stops this agent last, so every other exit is in,
    // and the report is a local file that must not wait on a Redis that may be gone.
    this.collector.ingest(this.heartbeatEvent('exit'))
    await this.writeReport(true)
    this.unsubscribe?.()
    this.unsubscribe = null
    await super.stop(options)
  }

  process(env: Envelope): Envelope {
    env.payload.stats = this.currentReportText()
    env.kind = 'result'
    return env
  }

  currentReportText(): string {
    return formatStatsReport(this.collector.report(Date.now() / 1000, this.ctx.options.reportIntervalSec, false))
  }

  async writeReport(final: boolean): Promise<string | null> {
    if (!this.ctx) return null
    try {
      return await writeStatsFile(this.collector, this.ctx.options.statsDir, this.ctx.options.reportIntervalSec, final)
    } catch (error) {
      this.emit('error', error)
      return null
    }
  }
}
