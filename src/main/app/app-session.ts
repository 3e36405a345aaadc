import { join } from 'node:path'
import type { Redis } from 'ioredis'
import type { ConnectionStatus } from '../../shared/api'
import { HandlerError } from '../../shared/result'
import { Inspector } from '../inspector'
import { redactUrl, redisConfigFromEnv, type RedisConnectionConfig } from '../redis/connection-config'
import { createRedisClient } from '../redis/create-client'
import { RedisServerMissingError, startEmbeddedRedis, type EmbeddedRedis } from '../redis/embedded-redis'
import { AgentRuntime, runtimeOptionsFromEnv } from '../runtime'
import { rolesToStart } from './agent-roles'
import { EventBus } from './event-bus'
import { HealthMonitor, type Health } from './health-monitor'
import { probeRedis, readyOrEnded, serverVersion } from './redis-probe'
import { SavedConnections } from './saved-connections'
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

/** One live connection and everything built on it. */
interface Live {
  config: RedisConnectionConfig
  embedded: boolean
  client: Redis
  runtime: AgentRuntime
  inspector: Inspector
  health: HealthMonitor
}

/**
 * Owns the current Redis connection: the command client, the agent runtime and
 * the inspector on it, its health, and the embedded redis-server when that is
 * the target. Switching tears the old parts down before building new ones.
 */
export class AppSession {
  readonly bus = new EventBus()
  readonly saved: SavedConnections
  private readonly env: NodeJS.ProcessEnv
  private live: Live | null = null
  private embedded: EmbeddedRedis | null = null
  private current: ConnectionStatus
  /** Switches run one at a time; a second waits for the first. */
  private queue: Promise<unknown> = Promise.resolve()
  private closing: Promise<void> | null = null
  /** Why the runtime or inspector failed to start, shown while Redis itself is up. */
  private partsError: string | null = null

  constructor(private readonly options: AppSessionOptions) {
    this.env = options.env ?? process.env
    this.saved = new SavedConnections(join(options.dataDir, 'connections.json'), options.secrets)
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

  private async openEmbedded(): Promise<ConnectionStatus> {
    await this.teardown()
    if (!this.embedded) {
      try {
        const dataDir = join(this.options.dataDir, 'redis')
        const binary = this.env.REDIS_SERVER_BIN?.trim()
        this.embedded = await startEmbeddedRedis({ dataDir, appendOnly: true, ...(binary ? { binary } : {}) })
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        this.setStatus({ ...this.statusFor('embedded redis-server', true, 'error'), error: message })
        if (error instanceof RedisServerMissingError) return this.current
        throw new HandlerError('internal', message)
      }
    }
    return this.open({ url: this.embedded.url }, true)
  }

  /** Builds client, runtime and inspector; they reconnect by themselves from here on. */
  private async open(config: RedisConnectionConfig, embedded: boolean): Promise<ConnectionStatus> {
    await this.teardown()
    if (!embedded) await this.stopEmbedded()
    const label = redactUrl(config)
    this.setStatus(this.statusFor(label, embedded, 'connecting'))
    let envOptions: ReturnType<typeof runtimeOptionsFromEnv>
    try {
      envOptions = runtimeOptionsFromEnv(this.env)
    } catch (error) {
      // A bad limit in the environment: say so on the status instead of hanging on "connecting".
      const message = error instanceof Error ? error.message : String(error)
      this.setStatus({ ...this.current, state: 'error', error: message })
      throw new HandlerError('invalid_request', message)
    }
    const client = createRedisClient(config, 'command')
    // STATS_DIR wins over the data folder's stats/ when given.
    const runtime = new AgentRuntime({ statsDir: join(this.options.dataDir, 'stats'), ...envOptions, redis: config })
    const inspector = new Inspector({
      redis: client,
      createBlockingClient: () => createRedisClient(config, 'blocking'),
      publish: this.bus.publish,
      connectionLabel: label,
      isWatched: (topic) => this.bus.hasListeners(topic),
    })
    const health = new HealthMonitor(client, (h) => this.onHealth(h))
    const live: Live = { config, embedded, client, runtime, inspector, health }
    this.live = live
    this.partsError = null
    health.start()
    const bringUp = this.bringUp(live)
    // Wait a while for a first answer; after that the parts come up in the background.
    const upInTime = await Promise.race([bringUp.then(() => true), delay(FIRST_CONNECT_WAIT_MS).then(() => false)])
    if (!upInTime && this.live === live) {
      const why = this.current.error ? ` (${this.current.error})` : ''
      this.setStatus({ ...this.current, error: `no answer from ${label} yet${why}; still trying` })
    }
    return this.current
  }

  /** Waits for Redis (however long), then starts the runtime, the inspector and the default agents. */
  private async bringUp(live: Live): Promise<void> {
    await readyOrEnded(live.client)
    if (this.live !== live) return
    try {
      const version = await serverVersion(live.client)
      if (this.live === live) this.setStatus({ ...this.current, serverVersion: version })
      await live.runtime.start()
      await live.inspector.start()
      for (const role of rolesToStart(this.env, live.embedded)) {
        if (this.live === live) await live.runtime.startRole(role, 1)
      }
    } catch (error) {
      this.partsError = error instanceof Error ? error.message : String(error)
      if (this.live === live) this.setStatus({ ...this.current, error: this.partsError })
    }
  }

  private onHealth(health: Health): void {
    const wasUp = this.current.state === 'connected'
    const state = health.up ? 'connected' : wasUp || this.current.state === 'disconnected' ? 'disconnected' : this.current.state
    this.setStatus({ ...this.current, state, latencyMs: health.latencyMs, error: health.up ? this.partsError : health.error })
  }

  private setStatus(next: ConnectionStatus): void {
    const before = this.current
    this.current = next
    // Latency moves every ping; push it only when it moves noticeably.
    const latencyMoved = Math.abs((next.latencyMs ?? 0) - (before.latencyMs ?? 0)) >= 1
    if (before.state !== next.state || before.error !== next.error || before.target !== next.target || latencyMoved) {
      this.bus.publish('connection', next)
    }
  }

  private statusFor(target: string, embedded: boolean, state: ConnectionStatus['state']): ConnectionStatus {
    return { state, target, embedded, latencyMs: null, serverVersion: null, error: null, canSavePasswords: this.canSavePasswords }
  }

  /** Ordered, each step on its own: one failing part must not keep the others open. */
  private async teardown(): Promise<void> {
    const live = this.live
    if (!live) return
    this.live = null
    live.health.stop()
    await live.inspector.close().catch(() => undefined)
    await live.runtime.close().catch(() => undefined)
    await live.client.quit().catch(() => live.client.disconnect())
  }

  private async stopEmbedded(): Promise<void> {
    const embedded = this.embedded
    this.embedded = null
    await embedded?.stop()
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())
