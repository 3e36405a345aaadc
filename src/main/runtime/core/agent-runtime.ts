// The runtime that hosts this process's agents and their shared connections.
import { EventEmitter } from 'node:events'
import { hostname } from 'node:os'
import type { Redis } from 'ioredis'
import type { AgentInfo } from '../../../shared/api/models'
import type { Envelope } from '../../../shared/envelope'
import { AGENT_REGISTRY, BROADCAST_ALL, BROADCAST_STAT, broadcastRole } from '../../../shared/keys'
import type { AgentHeartbeat } from '../../../shared/records'
import { createRedisClient } from '../../redis/create-client'
import { REDIS_DEFAULTS, redactUrl } from '../../redis/connection-config'
import { checkRedisVersion } from '../../redis/version-floor'
import { waitForFirstReady } from '../../redis/wait-ready'
import { withDeadline } from './async-utils'
import { ControlBus, type ControlCommand } from '../control/control-bus'
import type { AgentContext, LifecycleEvent } from '../control/lifecycle'
import { resolveRuntimeOptions, type ResolvedRuntimeOptions, type RuntimeOptions } from './options'
import { heartbeatToInfo } from '../control/registry'
import { createAgentForRole } from '../agents/role-catalog'
import { RoleSweeper } from '../claims/role-sweeper'
import { awaitResult, sendEnvelope } from './send'
import { STOP_BOUND_MS, type StreamAgent } from './stream-agent'
import { BaseAgent } from './base-agent'
import { Doorbell } from '../reader/doorbell'
import { StatsCollector } from '../stats/stats-collector'
import { writeStatsFile } from '../stats/stats-files'

/** The stats agent (stopped last) gets at least this long to write its final report. */
const MIN_STATS_STOP_MS = 250

/** Bound on closing the Redis connections at shutdown. */
export const REDIS_CLOSE_BOUND_MS = 1_000
/** Default wait of request(). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000

export interface RuntimeHealth {
  ok: boolean
  latencyMs: number | null
}

/**
 * Hosts agents in this process: one command connection shared by every
 * agent's MULTIs, one subscriber for control and lifecycle, one blocking
 * connection per agent instance. Emits 'lifecycle' (LifecycleEvent) and 'error'.
 */
export class AgentRuntime extends EventEmitter {
  readonly options: ResolvedRuntimeOptions
  private commands: Redis | null = null
  private subscriber: Redis | null = null
  private readonly agents = new Map<string, StreamAgent>()
  private readonly lifecycleListeners = new Set<(event: LifecycleEvent) => void>()
  private readonly timers: NodeJS.Timeout[] = []
  private sweeper: RoleSweeper | null = null
  private bus: ControlBus | null = null
  private doorbell: Doorbell | null = null
  private agentCounter = 0
  private healthState: RuntimeHealth = { ok: false, latencyMs: null }
  private starting: Promise<void> | null = null
  private closing: Promise<void> | null = null
  private readonly host = hostname()
  /** Seed 001's cleanup writes final statistics even when no stats agent runs here. */
  private readonly shutdownStats = new StatsCollector()
  private ranAgents = false

  constructor(options: RuntimeOptions) {
    super()
    this.options = resolveRuntimeOptions(options)
    this.onLifecycle((event) => this.shutdownStats.ingest(event))
  }

  start(): Promise<void> {
    this.starting ??= this.doStart()
    return this.starting
  }

  private async doStart(): Promise<void> {
    const commands = createRedisClient(this.options.redis, 'command')
    this.commands = commands
    // A certificate or password Redis refuses ends start() with its reason instead of a silent hang.
    await waitForFirstReady(commands, {
      label: redactUrl(this.options.redis),
      onSlow: (reason) => this.reportError(new Error(`no answer from ${redactUrl(this.options.redis)} yet (${reason}); still trying`)),
    })
    await this.checkHealth()
    const versionWarning = await checkRedisVersion(commands) // throws below Redis 6.2, with what is missing
    if (versionWarning) this.reportError(new Error(versionWarning))
    this.subscriber = createRedisClient(this.options.redis, 'subscriber')
    const bus = new ControlBus(
      this.subscriber,
      (command, role) => this.applyCommand(command, role),
      (event) => {
        if (!this.agents.has(event.agent_id)) this.deliverLifecycle(event)
      },
      commands,
    )
    await bus.start()
    this.bus = bus
    this.doorbell = new Doorbell(createRedisClient(this.options.redis, 'blocking'), commands, this.options.blockMs)
    this.sweeper = new RoleSweeper(commands, this.options, () => [...this.agents.values()], (e) => this.reportError(e))
    const every = (ms: number, fn: () => void): void => {
      const timer = setInterval(fn, ms)
      timer.unref()
      this.timers.push(timer)
    }
    every(this.options.heartbeatIntervalSec * 1000, () => this.heartbeatAll())
    every(this.sweeper.intervalMs, () => void this.sweeper?.tick())
    every((this.options.redis.healthCheckIntervalSec ?? REDIS_DEFAULTS.healthCheckIntervalSec) * 1000, () => void this.checkHealth())
  }

  health(): RuntimeHealth {
    return { ...this.healthState }
  }

  private async checkHealth(): Promise<void> {
    if (!this.commands) return
    const started = performance.now()
    try {
      await this.commands.ping()
      this.healthState = { ok: true, latencyMs: performance.now() - started }
    } catch {
      this.healthState = { ok: false, latencyMs: null }
    }
  }

  private context(): AgentContext {
    const commands = this.commands
    if (!commands) throw new Error('AgentRuntime.start() must finish before agents start')
    return {
      options: this.options,
      commands,
      host: this.host,
      pid: process.pid,
      createBlockingClient: () => createRedisClient(this.options.redis, 'blocking'),
      nextAgentId: () => `${this.host}:${process.pid}:${++this.agentCounter}`,
      emitLifecycle: (event) => this.publishLifecycle(event),
      onLifecycle: (listener) => this.onLifecycle(listener),
    }
  }

  /** Lifecycle events of every agent this process hears of (local ones directly, others by pub/sub). */
  onLifecycle(listener: (event: LifecycleEvent) => void): () => void {
    this.lifecycleListeners.add(listener)
    return () => this.lifecycleListeners.delete(listener)
  }

  private deliverLifecycle(event: LifecycleEvent): void {
    for (const listener of this.lifecycleListeners) listener(event)
    this.emit('lifecycle', event)
  }

  private publishLifecycle(event: LifecycleEvent): void {
    this.deliverLifecycle(event)
    const commands = this.commands
    if (!commands || commands.status === 'end') return
    const { kind: _kind, event: _event, envelopes: _envelopes, ...beat } = event
    const heartbeat: AgentHeartbeat = { ...beat, status: event.event === 'exit' ? 'stopped' : beat.status }
    commands
      .pipeline()
      .publish(BROADCAST_STAT, JSON.stringify(event))
      .hset(AGENT_REGISTRY, event.agent_id, JSON.stringify(heartbeat))
      .exec()
      .catch(() => undefined) // heartbeats are best effort: the next one repeats it
  }

  private heartbeatAll(): void {
    for (const agent of this.agents.values()) {
      if (agent.status !== 'stopped') this.publishLifecycle(agent.heartbeatEvent('heartbeat'))
    }
  }

  /** Starts an agent instance of any class (the roles' own, or a custom BaseAgent subclass). */
  async startAgent(agent: StreamAgent): Promise<AgentInfo> {
    await this.start()
    if (this.closing) throw new Error('the runtime is closing')
    const max = this.options.redis.maxConnections ?? REDIS_DEFAULTS.maxConnections
    // command + subscriber + doorbell + one blocking connection per agent
    if (3 + this.agents.size + 1 > max) {
      throw new Error(`starting another agent would open ${4 + this.agents.size} Redis connections, over REDIS_MAX_CONNECTIONS=${max}`)
    }
    agent.on('error', (error: unknown) => this.reportError(error))
    await agent.start(this.context())
    this.ranAgents = true
    this.agents.set(agent.agentId, agent)
    if (agent instanceof BaseAgent) this.doorbell?.watch(agent.agentId, () => agent.wake())
    await this.bus?.watchRole(agent.role)
    return this.infoOf(agent)
  }

  async startRole(role: string, instances = 1): Promise<AgentInfo[]> {
    const started: AgentInfo[] = []
    for (let i = 0; i < instances; i++) started.push(await this.startAgent(createAgentForRole(role)))
    return started
  }

  async stopAgent(agentId: string, options: { drain?: boolean } = {}): Promise<void> {
    const agent = this.agents.get(agentId)
    if (!agent) throw new Error(`no local agent ${agentId}`)
    await agent.stop(options)
    this.agents.delete(agentId)
    this.doorbell?.unwatch(agentId)
  }

  async stopRole(role: string, options: { drain?: boolean } = {}): Promise<string[]> {
    const ids = [...this.agents.values()].filter((a) => a.role === role).map((a) => a.agentId)
    await Promise.all(ids.map((id) => this.stopAgent(id, options)))
    return ids
  }

  async scale(role: string, instances: number): Promise<AgentInfo[]> {
    const current = [...this.agents.values()].filter((a) => a.role === role)
    if (current.length < instances) await this.startRole(role, instances - current.length)
    for (const extra of current.slice(instances)) await this.stopAgent(extra.agentId, { drain: true })
    return this.localAgents().filter((a) => a.role === role)
  }

  localAgents(): AgentInfo[] {
    return [...this.agents.values()].map((agent) => this.infoOf(agent))
  }

  private infoOf(agent: StreamAgent): AgentInfo {
    return heartbeatToInfo(agent.heartbeatEvent('heartbeat'), Date.now() / 1000, true)
  }

  /** Publishes a control command to every agent (or one role's), on any host; answers the receivers. */
  async broadcast(command: ControlCommand, role?: string): Promise<number> {
    await this.start()
    const channel = role ? broadcastRole(role) : BROADCAST_ALL
    return this.commandClient().publish(channel, JSON.stringify({ command, ts: Date.now() / 1000 }))
  }

  private applyCommand(command: ControlCommand, role: string | null): void {
    for (const agent of this.agents.values()) {
      if (role !== null && agent.role !== role) continue
      if (command === 'pause') agent.pause()
      else if (command === 'resume') agent.resume()
      else if (command === 'reload') agent.reload()
      else if (command === 'stop' && agent.status !== 'stopped') void agent.stop({ drain: true })
      else if (command === 'start' && agent.status === 'stopped') void agent.start(this.context()).catch((e) => this.reportError(e))
    }
  }

  /** Sends the demo request to the manager and waits for its result on the result list. */
  async request(conversationId: string, text: string, options: { timeoutMs?: number } = {}): Promise<Envelope> {
    await this.start()
    const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
    const { envelope } = await sendEnvelope(this.commandClient(), { kind: 'role', name: 'manager' }, {
      conversation_id: conversationId,
      sender_role: 'external',
      kind: 'task',
      payload: { text, stage: 'start', errors: [] },
    })
    const waiter = createRedisClient(this.options.redis, 'blocking')
    try {
      const result = await awaitResult(waiter, envelope.result_list, timeoutMs)
      if (!result) throw new Error(`no result on ${envelope.result_list} within ${timeoutMs} ms`)
      return result
    } finally {
      waiter.disconnect()
    }
  }

  commandClient(): Redis {
    if (!this.commands) throw new Error('AgentRuntime is not started')
    return this.commands
  }

  private reportError(error: unknown): void {
    if (this.listenerCount('error') > 0) this.emit('error', error)
    else console.error('[switchyard runtime]', error instanceof Error ? error.message : error)
  }

  /**
   * Stops agents (2 s bound; the stats agent last, so its final report sees every exit), writes the
   * final statistics (the stats agent's, or this process's own), then closes Redis (1 s bound).
   */
  close(): Promise<void> {
    this.closing ??= this.doClose()
    return this.closing
  }

  private async doClose(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer)
    await this.starting?.catch(() => undefined)
    const all = [...this.agents.values()]
    const isStats = (a: StreamAgent): boolean => a.role === 'stats'
    // One 2 s budget for all agents, even when Redis is gone and every stop would wait out its own bound.
    const deadline = Date.now() + STOP_BOUND_MS
    const stopWithin = (agents: StreamAgent[]): Promise<unknown> =>
      withDeadline(
        Promise.all(agents.map((a) => a.stop({ drain: true }).catch(() => undefined))),
        Math.max(MIN_STATS_STOP_MS, deadline - Date.now()),
        () => undefined,
      ).catch(() => undefined)
    await stopWithin(all.filter((a) => !isStats(a)))
    await stopWithin(all.filter(isStats))
    if (this.ranAgents && !all.some(isStats)) {
      await writeStatsFile(this.shutdownStats, this.options.statsDir, this.options.reportIntervalSec, true).catch((e) => this.reportError(e))
    }
    this.agents.clear()
    await withDeadline(this.doorbell?.close() ?? Promise.resolve(), REDIS_CLOSE_BOUND_MS, () => undefined).catch(() => undefined)
    // Quit together: the 1 s bound is for Redis as a whole, not per connection.
    const clients = [this.doorbell?.connection ?? null, this.subscriber, this.commands].filter((c) => c !== null)
    await Promise.all(
      clients.map((client) =>
        withDeadline(client.quit(), REDIS_CLOSE_BOUND_MS, () => client.disconnect()).catch(() => client.disconnect()),
      ),
    )
    this.healthState = { ok: false, latencyMs: null }
  }
}
