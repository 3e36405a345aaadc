import { startEmbeddedRedis, type EmbeddedRedis } from '../redis/embedded-redis'
import { inspectLock, processAlive, removeLock, stopOrphan, writeLock } from './embedded-lock'

/** Restart delays after the embedded server dies: doubling from the first up to the cap. */
export const RESTART_FIRST_DELAY_MS = 250
export const RESTART_MAX_DELAY_MS = 10_000
/** A server that stayed up this long has recovered: the next death starts the backoff over. */
export const RESTART_STABLE_MS = 10_000
/** Attempts on the old port before taking a fresh one (someone else may hold it now). */
export const SAME_PORT_ATTEMPTS = 3

export interface EmbeddedSupervisorOptions {
  dataDir: string
  binary?: string
  /** Told what happened, in words for the status badge; null once the server is back. */
  onTrouble: (message: string | null) => void
  /** The server came back on another port: the connection must be rebuilt. */
  onMoved: (url: string) => void
}

/**
 * Runs the embedded redis-server of one data folder: never two on one folder
 * (see embedded-lock), and restarted with backoff when it dies. A restart
 * keeps the port when it can, so every client reconnects by itself.
 */
export class EmbeddedSupervisor {
  private server: EmbeddedRedis | null = null
  /** Another host's server on this folder (see embedded-lock): used, never stopped by us. */
  private shared: { url: string; redisPid: number } | null = null
  private stopped = false
  private attempt = 0
  private timer: NodeJS.Timeout | null = null
  private restarting: Promise<void> | null = null

  constructor(private readonly options: EmbeddedSupervisorOptions) {}

  get url(): string | null {
    return this.shared?.url ?? this.server?.url ?? null
  }

  /** Alive, or being brought back: in both cases its url stays the right one. */
  get usable(): boolean {
    if (this.shared) return processAlive(this.shared.redisPid)
    return this.server !== null && (this.restarting !== null || this.server.process.exitCode === null)
  }

  async start(): Promise<string> {
    const found = await inspectLock(this.options.dataDir)
    if (found.kind === 'shared') {
      this.shared = { url: `redis://127.0.0.1:${found.lock.port}`, redisPid: found.lock.redisPid }
      return this.shared.url
    }
    if (found.kind === 'orphan') await stopOrphan(this.options.dataDir, found.lock)
    return (await this.launch()).url
  }

  private async launch(port?: number): Promise<EmbeddedRedis> {
    const { dataDir, binary } = this.options
    const server = await startEmbeddedRedis({ dataDir, appendOnly: true, ...(binary ? { binary } : {}), ...(port ? { port } : {}) })
    const pid = server.process.pid ?? 0
    writeLock(dataDir, { hostPid: process.pid, redisPid: pid, port: server.port })
    const startedAt = Date.now()
    server.process.once('exit', (code, signal) => {
      removeLock(dataDir, pid)
      if (this.stopped || this.server !== server) return
      if (Date.now() - startedAt >= RESTART_STABLE_MS) this.attempt = 0
      this.scheduleRestart(`embedded redis-server exited (${signal ?? `code ${String(code)}`})`)
    })
    this.server = server
    return server
  }

  private scheduleRestart(why: string): void {
    const delay = Math.min(RESTART_FIRST_DELAY_MS * 2 ** this.attempt, RESTART_MAX_DELAY_MS)
    this.attempt++
    this.options.onTrouble(`${why}; restarting in ${delay} ms (attempt ${this.attempt})`)
    let done!: () => void
    this.restarting = new Promise<void>((resolve) => (done = resolve))
    this.timer = setTimeout(() => {
      this.timer = null
      void this.restart(why).finally(done)
    }, delay)
  }

  private async restart(why: string): Promise<void> {
    const old = this.server
    if (this.stopped || !old) return
    const samePort = this.attempt <= SAME_PORT_ATTEMPTS
    try {
      const server = await this.launch(samePort ? old.port : undefined)
      this.restarting = null
      this.options.onTrouble(null)
      if (server.port !== old.port) this.options.onMoved(server.url)
    } catch (error) {
      if (this.stopped) return
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
      this.scheduleRestart(`${why}; restart failed: ${reason}`)
    }
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const server = this.server
    this.server = null
    await server?.stop()
  }
}
