// The runtime that hosts this process's agents and their shared connections.
import { EventEmitter } from 'node:events'
import { hostname } from 'node:os'
import type { AgentInfo } from '@shared/api/models'
import type { Envelope } from '@shared/envelope'
import { BROADCAST_ALL, broadcastRole } from '@shared/keys'
import { createRedisClient, createRedisClientFor } from '../../redis/create-client'
import { REDIS_DEFAULTS, redactUrl, type RedisConnectionConfig } from '../../redis/connection-config'
import { isCluster, type RedisClient } from '../../redis/client-type'
import { applyControlCommand, type ReloadHandler } from '../control/apply-command'
import { logger } from '../../log/logger'
import { ControlBus, publishCounted, type ControlCommand } from '../control/control-bus'
import type { AgentContext, LifecycleEvent } from '../control/lifecycle'
import { heartbeatToInfo } from '../control/registry'
import { RoleSweeper } from '../claims/role-sweeper'
import { Doorbell } from '../reader/doorbell'
import { claimAgent, runtimeClosed, runtimeOpened } from './active-runtime'
import { agentKindOfInstance } from './agent-brand'
import { LifecycleHub } from './lifecycle-hub'
import { pingHealth, type RuntimeHealth } from './runtime-health'
import { resolveRuntimeOptions, type ResolvedRuntimeOptions, type RuntimeOptions } from './options'
import { RoleFactories } from './role-factories'
import { checkConnectionBudget, closeConnections, distinctInputs, stopAgentsInOrder } from './runtime-close'
import { connectCommands, startBusIfAllowed } from './runtime-connect'
import { sendDemoRequest } from './send-and-await'
import { ShutdownStats } from './shutdown-stats'
import type { StreamAgent } from './stream-agent'
import { runtimeEvents } from '../stats/hop-events'

export { REDIS_CLOSE_BOUND_MS } from './runtime-close'
export type { ReloadHandler } from '../control/apply-command'
export type { RuntimeHealth } from './runtime-health'
/** Default wait of request(). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
const infoOf = (agent: StreamAgent): AgentInfo => heartbeatToInfo(agent.heartbeatEvent('heartbeat'), Date.now() / 1000, true)

/**
 * Hosts agents in this process: one command connection shared by every
 * agent's MULTIs, one subscriber for control and lifecycle, one blocking
 * connection per agent instance. Emits 'lifecycle' (LifecycleEvent) and 'error'.
 * Options default from the environment (REDIS_URL, seed limits): `new AgentRuntime()`.
 */
export class AgentRuntime extends EventEmitter {
  readonly options: ResolvedRuntimeOptions
  /** Roles startRole() knows: a user's agent classes (defined) over the built-ins. */
  readonly roles = new RoleFactories()
  private commands: RedisClient | null = null
  private subscriber: RedisClient | null = null
  /** options.redis as used: with `cluster` set when the server turned out to be a Cluster node. */
  private redis: RedisConnectionConfig
  private readonly agents = new Map<string, StreamAgent>()
  private readonly starts = new WeakMap<StreamAgent, Promise<AgentInfo>>()
  private readonly hub = new LifecycleHub(() => this.commands, (event) => this.emit('lifecycle', event))
  private readonly timers: NodeJS.Timeout[] = []
  private readonly reloadHandlers = new Set<ReloadHandler>()
  private sweeper: RoleSweeper | null = null
  private bus: ControlBus | null = null
  private doorbell: Doorbell | null = null
  private agentCounter = 0
  private healthState: RuntimeHealth = { ok: false, latencyMs: null }
  private starting: Promise<void> | null = null
  private closing: Promise<void> | null = null
  private readonly host = hostname()
  private readonly finalStats: ShutdownStats

  constructor(options: Partial<RuntimeOptions> = {}) {
    super()
    this.options = resolveRuntimeOptions(options)
    this.redis = this.options.redis
    const finalStats = (this.finalStats = new ShutdownStats(this.options))
    this.onLifecycle((event) => finalStats.ingest(event))
  }

  start(): Promise<void> {
    if (!this.starting) runtimeOpened(this)
    this.starting ??= this.doStart()
    return this.starting
  }

  private async doStart(): Promise<void> {
    logger('runtime').debug(`connecting to ${redactUrl(this.options.redis)}`)
    const { commands, config } = await connectCommands(this.options.redis, (e) => this.reportError(e), (client) => (this.commands = client))
    this.redis = config
    await this.checkHealth()
    this.subscriber = createRedisClientFor(this.redis, 'subscriber')
    const parts = { context: () => this.context(), reloadHandlers: this.reloadHandlers, reportError: (e: unknown) => this.reportError(e) }
    const onCommand = (command: ControlCommand, role: string | null): void => applyControlCommand(command, role, this.agents.values(), parts)
    const onRemote = (event: LifecycleEvent): void => void (this.agents.has(event.agent_id) || this.hub.deliver(event))
    this.bus = await startBusIfAllowed(new ControlBus(this.subscriber, onCommand, onRemote, commands), (e) => this.reportError(e))
    // On a Cluster each agent's own stream has a blocking read of its own: no doorbell (its XREAD spans slots).
    if (!isCluster(commands)) this.doorbell = new Doorbell(createRedisClient(this.redis, 'blocking'), commands, this.options.blockMs)
    this.sweeper = new RoleSweeper(commands, this.options, () => [...this.agents.values()], (e) => this.reportError(e))
    const every = (ms: number, fn: () => void): number => this.timers.push(setInterval(fn, ms).unref())
    const heartbeatAll = (): void => [...this.agents.values()].forEach((a) => a.status !== 'stopped' && this.hub.publish(a.heartbeatEvent('heartbeat')))
    every(this.options.heartbeatIntervalSec * 1000, heartbeatAll)
    every(this.sweeper.intervalMs, () => void this.sweeper?.tick())
    every((this.options.redis.healthCheckIntervalSec ?? REDIS_DEFAULTS.healthCheckIntervalSec) * 1000, () => void this.checkHealth())
  }

  health = (): RuntimeHealth => ({ ...this.healthState })

  private async checkHealth(): Promise<void> {
    if (this.commands) this.healthState = await pingHealth(this.commands)
  }

  private context(): AgentContext {
    if (!this.commands) throw new Error('AgentRuntime.start() must finish before agents start')
    return {
      options: this.options,
      commands: this.commands,
      host: this.host,
      pid: process.pid,
      createBlockingClient: () => createRedisClientFor(this.redis, 'blocking'),
      nextAgentId: () => `${this.host}:${process.pid}:${++this.agentCounter}`,
      emitLifecycle: (event) => this.hub.publish(event),
      onLifecycle: (listener) => this.onLifecycle(listener),
    }
  }

  /** Lifecycle events of every agent this process hears of (local ones directly, others by pub/sub). */
  onLifecycle(listener: (event: LifecycleEvent) => void): () => void {
    return this.hub.on(listener)
  }

  /** Zero-config: an agent created while this runtime is the one running starts here by itself. */
  adopt(agent: object): void {
    if (!agentKindOfInstance(agent)) return
    this.startAgent(agent as StreamAgent).catch((error: unknown) => this.reportError(error))
  }

  /**
   * Starts an agent instance of any class (the roles' own, or a BaseAgent /
   * FlatAgent subclass). Starting a running instance again answers its start.
   */
  startAgent(agent: StreamAgent): Promise<AgentInfo> {
    const earlier = this.starts.get(agent)
    if (earlier) return earlier
    if (!claimAgent(agent, this)) return Promise.reject(new Error(`agent ${agent.role} was already started by another runtime`))
    const started = this.doStartAgent(agent)
    this.starts.set(agent, started)
    started.catch(() => this.starts.delete(agent))
    return started
  }

  private async doStartAgent(agent: StreamAgent): Promise<AgentInfo> {
    await this.start()
    if (this.closing) throw new Error('the runtime is closing')
    checkConnectionBudget(this.options.redis, this.agents.size)
    agent.on('error', (error: unknown) => this.reportError(error))
    await agent.start(this.context())
    this.finalStats.agentStarted()
    this.agents.set(agent.agentId, agent)
    if (agentKindOfInstance(agent) === 'envelope') this.doorbell?.watch(agent.agentId, () => agent.wake())
    await this.bus?.watchRole(agent.role)
    return infoOf(agent)
  }

  async startRole(role: string, instances = 1): Promise<AgentInfo[]> {
    const started: AgentInfo[] = []
    for (let i = 0; i < instances; i++) started.push(await this.startAgent(this.roles.create(role)))
    return started
  }

  async stopAgent(agentId: string, options: { drain?: boolean } = {}): Promise<void> {
    const agent = this.agents.get(agentId)
    if (!agent) throw new Error(`no local agent ${agentId}`)
    await agent.stop(options)
    this.agents.delete(agentId)
    this.starts.delete(agent)
    this.doorbell?.unwatch(agentId)
  }

  async stopRole(role: string, options: { drain?: boolean } = {}): Promise<string[]> {
    const ids = this.agentIdsOf(role)
    await Promise.all(ids.map((id) => this.stopAgent(id, options)))
    return ids
  }

  /** Ids of this process's agents of one role. */
  agentIdsOf = (role: string): string[] => this.agentsOf(role).map((a) => a.agentId)

  private agentsOf = (role: string): StreamAgent[] => [...this.agents.values()].filter((a) => a.role === role)

  async scale(role: string, instances: number): Promise<AgentInfo[]> {
    const current = this.agentsOf(role)
    if (current.length < instances) await this.startRole(role, instances - current.length)
    for (const extra of current.slice(instances)) await this.stopAgent(extra.agentId, { drain: true })
    return this.localAgents().filter((a) => a.role === role)
  }

  /** The (stream, group) pairs this process's agents read, once each (for metrics). */
  inputGroups(): Array<{ stream: string; group: string }> {
    return distinctInputs(this.agents.values())
  }

  localAgents = (): AgentInfo[] => [...this.agents.values()].map(infoOf)

  /** Publishes a control command to every agent (or one role's), on any host; answers the receivers. */
  async broadcast(command: ControlCommand, role?: string): Promise<number> {
    await this.start()
    return publishCounted(this.commandClient(), role ? broadcastRole(role) : BROADCAST_ALL, JSON.stringify({ command, ts: Date.now() / 1000 }))
  }

  /** What a `reload` command does here besides the agents' own reload event (e.g. re-import the agents module). */
  onReload(handler: ReloadHandler): () => void {
    this.reloadHandlers.add(handler)
    return () => this.reloadHandlers.delete(handler)
  }

  /** Sends the demo request to the manager and waits for its result on the result list. */
  async request(conversationId: string, text: string, options: { timeoutMs?: number } = {}): Promise<Envelope> {
    await this.start()
    return sendDemoRequest(this.commandClient(), this.redis, conversationId, text, options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS)
  }

  /** The connection config in use (with `cluster` set once a Cluster was detected). */
  connectionConfig = (): RedisConnectionConfig => this.redis

  commandClient(): RedisClient {
    if (!this.commands) throw new Error('AgentRuntime is not started')
    return this.commands
  }

  private reportError(error: unknown): void {
    runtimeEvents.runtimeError()
    if (this.listenerCount('error') > 0) this.emit('error', error)
    else logger('runtime').error({ err: error }, error instanceof Error ? error.message : String(error))
  }

  /**
   * Stops agents (2 s bound; the stats agent last, so its final report sees every exit), writes the
   * final statistics (the stats agent's, or this process's own), then closes Redis (1 s bound).
   */
  close(): Promise<void> {
    runtimeClosed(this)
    this.closing ??= this.doClose()
    return this.closing
  }

  private async doClose(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer)
    await this.starting?.catch(() => undefined)
    const all = [...this.agents.values()]
    await stopAgentsInOrder(all)
    await this.finalStats.writeUnlessStatsAgent(all, (e) => this.reportError(e))
    this.agents.clear()
    await closeConnections(this.doorbell, [this.subscriber, this.commands])
    this.healthState = { ok: false, latencyMs: null }
  }
}
