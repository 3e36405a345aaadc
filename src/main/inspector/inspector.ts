import type { Topic } from '@shared/api'
import type { ActionContext } from './actions/audit'
import {
  DEFAULT_STATS_INTERVAL_MS,
  DEFAULT_TAIL_PUSH_INTERVAL_MS,
  DEFAULT_TOPOLOGY_INTERVAL_MS,
  DEFAULT_TRACE_POLL_MS,
  type InspectorOptions,
} from './options'
import { ResultWaiter } from './inject/result-waiter'
import { StatsSampler } from './stats/stats-sampler'
import { TailManager } from './tail/tail-manager'
import { TopologyPusher } from './topology/topology-pusher'
import { TopologyReader } from './topology/topology-reader'
import { TraceWatcher } from './traces/trace-watcher'
import { logger } from '../log/logger'

/**
 * The inspector of one Redis connection: owns the topology pusher, the stats
 * sampler, live tails and trace watches, and closes them all together.
 */
export class Inspector {
  readonly options: InspectorOptions
  readonly actions: ActionContext
  readonly topology: TopologyReader
  readonly tails: TailManager
  readonly traces: TraceWatcher
  readonly stats: StatsSampler
  /** One connection waiting for the results of every "inject and wait" call. */
  readonly results: ResultWaiter
  private readonly pusher: TopologyPusher
  private closing: Promise<void> | null = null

  constructor(options: InspectorOptions) {
    this.options = options
    const { redis, publish } = options
    const watched = (topic: Topic): boolean => options.isWatched?.(topic) ?? true
    const onError = (error: unknown): void => this.noteError(error)
    this.actions = { redis, connectionLabel: options.connectionLabel }
    this.topology = new TopologyReader(redis)
    this.pusher = new TopologyPusher(
      new TopologyReader(redis),
      (snapshot) => publish('topology', snapshot),
      options.topologyIntervalMs ?? DEFAULT_TOPOLOGY_INTERVAL_MS,
      () => watched('topology'),
      onError,
    )
    this.tails = new TailManager(
      redis,
      options.createBlockingClient,
      (batch) => publish('tail', batch),
      options.tailPushIntervalMs ?? DEFAULT_TAIL_PUSH_INTERVAL_MS,
      onError,
    )
    this.results = new ResultWaiter(redis, options.createBlockingClient)
    this.traces = new TraceWatcher(redis, (trace) => publish('trace', trace), options.tracePollMs ?? DEFAULT_TRACE_POLL_MS, onError)
    this.stats = new StatsSampler(
      redis,
      (point) => publish('stats', point),
      (violations) => publish('violations', violations),
      options.statsIntervalMs ?? DEFAULT_STATS_INTERVAL_MS,
      onError,
    )
  }

  /** Starts the topology pusher and the statistics sampler. */
  start(): void {
    if (this.closing) return
    this.pusher.start()
    this.stats.start()
    void this.stats.sample()
  }

  /** Background errors (a failed push or sample, a tail that would not stop) are logged; the next tick tries again. */
  private noteError(error: unknown): void {
    logger('inspector').warn(error instanceof Error ? error.message : String(error))
  }

  /** Memoized: stops timers, then tails (quitting their connections), each step on its own. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.pusher.stop()
      this.stats.stop()
      this.traces.stop()
      await this.tails.stopAll().catch((error: unknown) => this.noteError(error))
      await this.results.close().catch((error: unknown) => this.noteError(error))
    })()
    return this.closing
  }
}
