import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runHeadless } from '../../../src/main/host/headless'
import { startEmbeddedRedis, type EmbeddedRedis } from '../../../src/main/redis/embedded-redis'

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..')
export const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer')

/** A running app for tests: its own redis-server and headless host, on free ports. */
export interface TestApp {
  /** Page URL with the token. */
  url: string
  token: string
  redisUrl: string
  redisPort: number
  redis: EmbeddedRedis
  dataDir: string
  /** Starts redis-server again on the same port and data folder (after a kill). */
  restartRedis(): Promise<void>
  close(): Promise<void>
}

/** The headless host in this process for a test: its data and statistics under `dataDir`, `env` over the process's. */
export function startTestHost(dataDir: string, env: Record<string, string>): ReturnType<typeof runHeadless> {
  return runHeadless({
    dataDir: join(dataDir, 'app'),
    handleSignals: false,
    print: false,
    env: { ...process.env, SWITCHYARD_RENDERER_DIR: RENDERER_DIR, STATS_DIR: join(dataDir, 'stats'), ...env },
  })
}

/** Builds the renderer once if it is missing (npm test builds before e2e anyway). */
export function ensureRendererBuilt(): void {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return
  execFileSync('npx', ['electron-vite', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' })
}

/** Redis + the headless host in this process, with the demo agents running. */
export async function startTestApp(options: { env?: Record<string, string> } = {}): Promise<TestApp> {
  ensureRendererBuilt()
  const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-e2e-'))
  const redisDir = join(dataDir, 'redis')
  let redis = await startEmbeddedRedis({ dataDir: redisDir, appendOnly: true })
  const redisUrl = redis.url
  const host = await startTestHost(dataDir, { REDIS_URL: redisUrl, SWITCHYARD_AGENTS: 'demo', ...options.env })
  const app: TestApp = {
    url: host.url,
    token: host.token,
    redisUrl,
    redisPort: redis.port,
    get redis() {
      return redis
    },
    dataDir,
    async restartRedis() {
      redis = await startEmbeddedRedis({ dataDir: redisDir, port: app.redisPort, appendOnly: true })
    },
    async close() {
      await host.close()
      await redis.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return app
}
