import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createConnection } from 'node:net'
import { freePort } from './free-port'

export interface EmbeddedRedisOptions {
  /** Folder for the append-only file and dump. Created if missing. */
  dataDir: string
  /** Default: a free loopback port. */
  port?: number
  /** Default: `redis-server` on PATH, or REDIS_SERVER_BIN. */
  binary?: string
  /** Append-only file on (default true) so nothing is lost across restarts. */
  appendOnly?: boolean
  /** How long to wait for the server to accept connections. Default 10 s. */
  startTimeoutMs?: number
}

export class RedisServerMissingError extends Error {
  constructor(binary: string) {
    super(
      `redis-server was not found (${binary}). Install it with "sudo apt-get install -y redis-server", ` +
        'or set REDIS_URL to a Redis you already run.',
    )
    this.name = 'RedisServerMissingError'
  }
}

export interface EmbeddedRedis {
  readonly port: number
  readonly url: string
  readonly process: ChildProcess
  /** Stops the server (SHUTDOWN via SIGTERM, then SIGKILL after 3 s). */
  stop(): Promise<void>
}

/** Starts `redis-server` as a child bound to 127.0.0.1 only. */
export async function startEmbeddedRedis(options: EmbeddedRedisOptions): Promise<EmbeddedRedis> {
  const binary = options.binary ?? process.env.REDIS_SERVER_BIN ?? 'redis-server'
  const port = options.port ?? (await freePort())
  mkdirSync(options.dataDir, { recursive: true })
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--protected-mode', 'yes',
    '--dir', options.dataDir,
    '--appendonly', options.appendOnly === false ? 'no' : 'yes',
    '--save', '',
    '--daemonize', 'no',
    '--loglevel', 'warning',
  ]
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)))
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)))

  const spawnFailed = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new RedisServerMissingError(binary) : error),
    )
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output.trim()}`)))
  })
  spawnFailed.catch(() => undefined)
  await Promise.race([waitForPort(port, options.startTimeoutMs ?? 10_000), spawnFailed])

  let stopping: Promise<void> | undefined
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    process: child,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        const killer = setTimeout(() => child.kill('SIGKILL'), 3000)
        child.once('exit', () => {
          clearTimeout(killer)
          resolve()
        })
        child.kill('SIGTERM')
      })
      return stopping
    },
  }
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await canConnect(port)) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`redis-server did not accept connections on port ${port} within ${timeoutMs} ms`)
}

/** True once something accepts a TCP connection on 127.0.0.1:port. */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' })
    socket.once('connect', () => {
      socket.end()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}
