import { join } from 'node:path'
import type { ConnectionStatus } from '@shared/api'
import { HandlerError } from '@shared/result'
import { redactUrl, redisConfigFromEnv, type RedisConnectionConfig } from '../redis/connection-config'
import { RedisServerMissingError } from '../redis/embedded-redis'
import type { Inspector } from '../inspector'
import { runtimeOptionsFromEnv, type AgentRuntime } from '../runtime'
import { instancesByRole, rolesToStart } from './agent-roles'
import { AppAgentsModule } from './app-agents-module'
import { EmbeddedSupervisor } from './embedded-supervisor'
import { EventBus } from './event-bus'
import type { Health } from './health-monitor'
import { buildLive, detectedClusterConfig, teardownLive, type Live } from './live-parts'
import { probeRedis, readyOrEnded, serverVersion } from './redis-probe'
import { SavedConnections } from './saved-connections'
import { freshStatus, noteStatusChange } from './status-change'
import { startAgents } from './start-agents'
import type { SecretStore } from './secret-store'

/** How long connect/start waits for a first answer before returning "still trying". */
export const FIRST_CONNECT_WAIT_MS = 10_000

export interface AppSessionOptions {
  /** The app's data folder: embedded Redis data, saved connections, statistics. */
  dataDir: string
  secrets: SecretStore
  /** Default process.env: REDIS_URL, SWITCHYARD_AGENTS, runtime limits. */
  env?: NodeJS.ProcessEnv
}

/**
 * Owns the current Redis connection: the command client, the agent runtime and
 * the inspector on it, its health, and the embedded redis-server when that is
 * the target. Switching tears the old parts down before building new ones.
 */
export class AppSession {
  readonly bus = new EventBus()
  readonly saved: SavedConnections
  readonly agentsModule: AppAgentsModule // SWITCHYARD_AGENTS_MODULE or the Agents view's choice, in each runtime
  private readonly env: NodeJS.ProcessEnv
  private live: Live | null = null
  private embedded: EmbeddedSupervisor | null = null
  /** What happened to the embedded server while it is being brought back; null when fine. */
  private embeddedTrouble: string | null = null
  private current: ConnectionStatus
  /** Switches run one at a time; a second waits for the first. */
  private queue: Promise<unknown> = Promise.resolve()
  private closing: Promise<void> | null = null
  /** Why the runtime or inspector failed to start, shown while Redis itself is up. */
  private partsError: string | null = null

  constructor(private readonly options: AppSessionOptions) {
    this.env = options.env ?? process.env
    this.saved = new SavedConnections(join(options.dataDir, 'connections.json'), options.secrets)
    this.agentsModule = AppAgentsModule.inDataDir(options.dataDir, this.env)
    this.current = this.statusFor('(none)', false, 'connecting')
  }

  get canSavePasswords(): boolean {
    return this.options.secrets.canStore
  }

  status(): ConnectionStatus {
    return this.current
  }

  runtime(): AgentRuntime | null {
    return this.live?.runtime ?? null
  }

  inspector(): Inspector | null {
    return this.live?.inspector ?? null
  }

  /** The shared command connection (a Cluster's when connected to one), for the Connection screen's node list. */
  client(): Live['client'] | null {
    return this.live?.client ?? null
  }

  /** REDIS_URL, else the last used saved connection, else the embedded default. */
  start(): Promise<ConnectionStatus> {
    return this.serial(async () => {
      if (this.env.REDIS_URL?.trim()) return this.open(redisConfigFromEnv(this.env), false)
      const saved = this.saved.defaultConfig()
      if (saved) return this.open(saved, false)
      return this.openEmbedded()
    })
  }

  test(config: RedisConnectionConfig): Promise<{ latencyMs: number; serverVersion: string }> {
    return probeRedis(config).catch((error: unknown) => {
      throw new HandlerError('not_connected', error instanceof Error ? error.message : String(error))
    })
  }

  /** Tests first, so a wrong URL leaves the current connection untouched. */
  connect(config: RedisConnectionConfig): Promise<ConnectionStatus> {
    return this.serial(async () => {
      await this.test(config)
      return this.open(config, false)
    })
  }

  useEmbedded(): Promise<ConnectionStatus> {
    return this.serial(() => this.openEmbedded())
  }

  close(): Promise<void> {
    this.closing ??= this.serial(async () => {
      await this.teardown()
      await this.stopEmbedded()
    })
    return this.closing
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** The embedded server, started (or found: see embedded-lock) when it is not already usable. */
  private async openEmbedded(): Promise<ConnectionStatus> {
    // Rebuilding on the embedded server keeps the operator's scaling.
    const keep = this.live?.embedded ? instancesByRole(this.live.runtime.localAgents()) : null
    await this.teardown()
    if (!this.embedded?.usable) {
      await this.stopEmbedded()
      const binary = this.env.REDIS_SERVER_BIN?.trim()
      const supervisor: EmbeddedSupervisor = new EmbeddedSupervisor({
        dataDir: join(this.options.dataDir, 'redis'),
        ...(binary ? { binary } : {}),
        onTrouble: (message) => this.embedded === supervisor && this.onEmbeddedTrouble(message),
        onMoved: () => void this.serial(async () => this.embedded === supervisor && this.openEmbedded()),
      })
      this.embedded = supervisor
      try {
        await supervisor.start()
      } catch (error) {
        this.embedded = null
        const message = error instanceof Error ? error.message : String(error)
        this.setStatus({ ...this.statusFor('embedded redis-server', true, 'error'), error: message })
        if (error instanceof RedisServerMissingError) return this.current
        throw new HandlerError('internal', message)
      }
    }
    return this.open({ url: this.embedded.url ?? '' }, true, keep)
  }

  private onEmbeddedTrouble(message: string | null): void {
    this.embeddedTrouble = message
    if (message) this.setStatus({ ...this.current, state: 'disconnected', latencyMs: null, error: message })
  }

  /** Builds client, runtime and inspector; they reconnect by themselves from here on. */
  private async open(config: RedisConnectionConfig, embedded: boolean, keep: Map<string, number> | null = null): Promise<ConnectionStatus> {
    await this.teardown()
    if (!embedded) await this.stopEmbedded()
    const label = redactUrl(config)
    this.setStatus(this.statusFor(label, embedded, 'connecting', config))
    let envOptions: ReturnType<typeof runtimeOptionsFromEnv>
    try {
      envOptions = runtimeOptionsFromEnv(this.env)
    } catch (error) {
      // A bad limit in the environment: say so on the status instead of hanging on "connecting".
      const message = error instanceof Error ? error.message : String(error)
      this.setStatus({ ...this.current, state: 'error', error: message })
      throw new HandlerError('invalid_request', message)
    }
    const dataDir = this.options.dataDir
    const live = buildLive({ config, embedded, label, dataDir, bus: this.bus, envOptions, onHealth: (h) => this.onHealth(h) })
    this.live = live
    this.partsError = null
    live.health.start()
    const bringUp = this.bringUp(live, keep)
    // Wait a while for a first answer; after that the parts come up in the background.
    const upInTime = await Promise.race([bringUp.then(() => true), delay(FIRST_CONNECT_WAIT_MS).then(() => false)])
    if (!upInTime && this.live === live) {
      const why = this.current.error ? ` (${this.current.error})` : ''
      this.setStatus({ ...this.current, error: `no answer from ${label} yet${why}; still trying` })
    }
    return this.current
  }

  /**
   * Waits for Redis (however long), then starts the inspector, the runtime and
   * the default agents. A plain URL that reached a Cluster node is rebuilt as that Cluster first.
   */
  private async bringUp(live: Live, keep: Map<string, number> | null): Promise<void> {
    await readyOrEnded(live.client)
    if (this.live !== live) return
    try {
      const clusterConfig = await detectedClusterConfig(live)
      if (clusterConfig && this.live === live) return await this.rebuildAs(live, clusterConfig, keep)
      const version = await serverVersion(live.client)
      if (this.live === live) this.setStatus({ ...this.current, serverVersion: version })
      live.inspector.start() // first: the inspector needs no runtime, and shows what is there if the runtime fails
      await live.runtime.start()
      const counts = keep ?? new Map(rolesToStart(this.env, live.embedded).map((role) => [role, 1]))
      if (this.live === live) await this.agentsModule.attach(live.runtime, [...counts.keys()]) // before: kept counts may name its roles
      await startAgents(live.runtime, counts, () => this.live === live)
    } catch (error) {
      this.partsError = error instanceof Error ? error.message : String(error)
      if (this.live === live) this.setStatus({ ...this.current, error: this.partsError })
    }
  }

  /** The same connection rebuilt on another config (a detected Cluster), brought up in its place. */
  private async rebuildAs(live: Live, config: RedisConnectionConfig, keep: Map<string, number> | null): Promise<void> {
    const label = redactUrl(config)
    const next = buildLive({ ...live.spec, config, label })
    this.live = next
    await teardownLive(live)
    this.setStatus(this.statusFor(label, next.embedded, 'connecting', config))
    next.health.start()
    await this.bringUp(next, keep)
  }

  private onHealth(health: Health): void {
    const wasUp = this.current.state === 'connected'
    const state = health.up ? 'connected' : wasUp || this.current.state === 'disconnected' ? 'disconnected' : this.current.state
    const error = health.up ? this.partsError : (this.embeddedTrouble ?? health.error)
    this.setStatus({ ...this.current, state, readOnly: health.up && health.readOnly === true, latencyMs: health.latencyMs, error })
  }

  private setStatus(next: ConnectionStatus): void {
    const before = this.current
    this.current = next
    if (noteStatusChange(before, next)) this.bus.publish('connection', next)
  }

  private statusFor(target: string, embedded: boolean, state: ConnectionStatus['state'], config?: RedisConnectionConfig): ConnectionStatus {
    return freshStatus(target, embedded, state, this.canSavePasswords, config)
  }

  private async teardown(): Promise<void> {
    const live = this.live
    this.live = null
    this.agentsModule.detach()
    if (live) await teardownLive(live)
  }

  private async stopEmbedded(): Promise<void> {
    const embedded = this.embedded
    this.embedded = null
    await embedded?.stop()
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())
