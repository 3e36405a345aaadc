import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Envelope } from '../../../shared/envelope'
import { BaseAgent } from '../base-agent'
import type { AgentContext } from '../lifecycle'
import { StatsCollector } from './stats-collector'
import { formatStatsReport } from './stats-format'

export const LIVE_STATS_FILE = 'agent_statistics.txt'
export const FINAL_STATS_FILE = 'agent_final_statistics.txt'

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
    await super.stop(options)
    this.unsubscribe?.()
    this.unsubscribe = null
    await this.writeReport(true)
  }

  process(env: Envelope): Envelope {
    env.payload.stats = this.currentReportText()
    env.kind = 'result'
    return env
  }

  currentReportText(): string {
    return formatStatsReport(this.collector.report(Date.now() / 1000, this.ctx.options.reportIntervalSec, false))
  }

  /** Writes through a temp file so a reader never sees half a report. */
  async writeReport(final: boolean): Promise<string | null> {
    if (!this.ctx) return null
    try {
      const dir = this.ctx.options.statsDir
      await mkdir(dir, { recursive: true })
      const title = final ? 'FINAL AGENT PERFORMANCE STATISTICS' : 'COMPREHENSIVE AGENT PERFORMANCE STATISTICS'
      const text = formatStatsReport(this.collector.report(Date.now() / 1000, this.ctx.options.reportIntervalSec), title)
      const path = join(dir, final ? FINAL_STATS_FILE : LIVE_STATS_FILE)
      const temp = `${path}.${process.pid}.tmp`
      await writeFile(temp, text, 'utf8')
      await rename(temp, path)
      return path
    } catch (error) {
      this.emit('error', error)
      return null
    }
  }
}
