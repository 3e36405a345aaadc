import type { Redis } from 'ioredis'
import { describeConnectionError } from '../redis/connection-errors'

/** How often the connection is pinged (the status badge's resolution). */
export const HEALTH_INTERVAL_MS = 1_000
/** A PING slower than this counts as a lost connection. */
export const PING_TIMEOUT_MS = 1_500

export interface Health {
  up: boolean
  latencyMs: number | null
  error: string | null
}

/**
 * Pings one command connection every second and reports each result. Also
 * reacts at once to the client's own close/ready events, so a killed server
 * shows as down without waiting for the next tick.
 */
export class HealthMonitor {
  private timer: NodeJS.Timeout | null = null
  private pinging = false
  private readonly onClose = () => this.report({ up: false, latencyMs: null, error: 'connection lost; reconnecting' })
  private readonly onReady = () => {
    this.lastError = null
    void this.tick()
  }
  /** The client's last connection error (a certificate, a refused password), shown while it is not ready. */
  private lastError: string | null = null
  private readonly onError = (error: unknown) => {
    this.lastError = describeConnectionError(error).message
    if (this.client.status !== 'ready') this.report({ up: false, latencyMs: null, error: this.lastError })
  }

  constructor(
    private readonly client: Redis,
    private readonly report: (health: Health) => void,
    private readonly intervalMs = HEALTH_INTERVAL_MS,
  ) {}

  start(): void {
    this.client.on('close', this.onClose)
    this.client.on('ready', this.onReady)
    this.client.on('error', this.onError)
    this.timer = setInterval(() => void this.tick(), this.intervalMs)
    void this.tick()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.client.off('close', this.onClose)
    this.client.off('ready', this.onReady)
    this.client.off('error', this.onError)
  }

  private async tick(): Promise<void> {
    if (this.pinging || !this.timer) return
    if (this.client.status !== 'ready') {
      this.report({ up: false, latencyMs: null, error: this.lastError ?? `connection ${this.client.status}` })
      return
    }
    this.pinging = true
    const started = performance.now()
    try {
      await withTimeout(this.client.ping(), PING_TIMEOUT_MS)
      this.report({ up: true, latencyMs: Math.round((performance.now() - started) * 100) / 100, error: null })
    } catch (error) {
      this.report({ up: false, latencyMs: null, error: error instanceof Error ? error.message : String(error) })
    } finally {
      this.pinging = false
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no PING answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
