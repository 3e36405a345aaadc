// Final statistics on shutdown, also for a process without a stats agent.
import type { LifecycleEvent } from '../control/lifecycle'
import { StatsCollector } from '../stats/stats-collector'
import { writeStatsFile } from '../stats/stats-files'
import type { ResolvedRuntimeOptions } from './options'
import type { StreamAgent } from './stream-agent'

/**
 * Seed 001's cleanup writes final statistics: a process with a stats agent
 * has it write them; one without (a worker of user roles) writes its own from
 * every lifecycle event it heard.
 */
export class ShutdownStats {
  private readonly collector = new StatsCollector()
  private ranAgents = false

  constructor(private readonly options: ResolvedRuntimeOptions) {}

  ingest(event: LifecycleEvent): void {
    this.collector.ingest(event)
  }

  agentStarted(): void {
    this.ranAgents = true
  }

  async writeUnlessStatsAgent(stopped: StreamAgent[], reportError: (error: unknown) => void): Promise<void> {
    if (!this.ranAgents || stopped.some((a) => a.role === 'stats')) return
    await writeStatsFile(this.collector, this.options.statsDir, this.options.reportIntervalSec, true).catch(reportError)
  }
}
