import type { RedisClient } from '../redis/client-type'
import { describeConnectionError } from '../redis/connection-errors'
import { isNoPermission, noPermissionSentence } from '../redis/acl-errors'

/** How often the connection is pinged (the status badge's resolution). */
export const HEALTH_INTERVAL_MS = 1_000
/** A PING slower than this counts as a lost connection. */
export const PING_TIMEOUT_MS = 1_500

/** A key every profile that may read at all can read (README's ACL profiles): the read probe. */
const READ_PROBE_KEY = 'stream:role:manager'

export interface Health {
  up: boolean
  /** Up for reads only: PING is refused (NOPERM) but a read is answered. */
  readOnly?: boolean
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
    private readonly client: RedisClient,
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

  private pingOrRead(): Promise<boolean> {
    return pingOrReadOf(this.client)
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
      const readOnly = await withTimeout(this.pingOrRead(), PING_TIMEOUT_MS)
      this.report({ up: true, readOnly, latencyMs: Math.round((performance.now() - started) * 100) / 100, error: null })
    } catch (error) {
      this.report({ up: false, latencyMs: null, error: error instanceof Error ? error.message : String(error) })
    } finally {
      this.pinging = false
    }
  }
}

/** Answers true when only reads work: PING refused by the ACL, EXISTS answered. */
async function pingOrReadOf(client: RedisClient): Promise<boolean> {
  try {
    await client.ping()
    return false
  } catch (error) {
    if (!isNoPermission(error)) throw error
    try {
      await client.exists(READ_PROBE_KEY)
      return true
    } catch (readError) {
      throw new Error(isNoPermission(readError) ? `${noPermissionSentence(error)}, nor read ${READ_PROBE_KEY}` : String(readError))
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
