import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionStatus } from '@shared/api'
import { AppSession } from '../../../src/main/app/app-session'
import { noSecretStore } from '../../../src/main/app/secret-store'
import { startEmbeddedRedis } from '../../../src/main/redis/embedded-redis'
import { startTestRedis } from '../../support/redis'
import { waitFor } from '../../support/wait'

type TestRedis = Awaited<ReturnType<typeof startTestRedis>>

describe('AppSession on a Redis given by REDIS_URL', () => {
  let redis: TestRedis
  let session: AppSession
  let dataDir: string
  const pushed: ConnectionStatus[] = []

  beforeAll(async () => {
    redis = await startTestRedis({ appendOnly: true })
    dataDir = mkdtempSync(join(tmpdir(), 'switchyard-session-'))
    session = new AppSession({ dataDir, secrets: noSecretStore, env: { REDIS_URL: redis.url, SWITCHYARD_AGENTS: 'demo' } })
    session.bus.listen('connection', (_t, status) => pushed.push(status as ConnectionStatus))
    await session.start()
  })
  afterAll(async () => {
    await session?.close()
    await redis?.cleanup()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('shows connected with a latency, the server version, and no way to store passwords', async () => {
    const status = await waitFor('connected', () => session.status().state === 'connected' && session.status())
    expect(status.embedded).toBe(false)
    expect(status.target).toBe(`redis://127.0.0.1:${redis.port}/0`)
    expect(status.serverVersion).toMatch(/^\d+\.\d+/)
    await waitFor('a latency', () => session.status().latencyMs !== null)
    expect(status.canSavePasswords).toBe(false)
  })

  it('runs the demo pipeline: "Hello, world!" comes back as "!DLROW ,OLLEH"', async () => {
    const runtime = session.runtime()
    expect(runtime).not.toBeNull()
    const result = await runtime!.request('conv-session', 'Hello, world!', { timeoutMs: 10_000 })
    expect(result.payload.text).toBe('!DLROW ,OLLEH')
  })

  it('shows "disconnected" when redis-server dies and recovers by itself when it returns', async () => {
    const port = redis.port
    redis.process.kill('SIGKILL')
    await waitFor('disconnected pushed', () => pushed.some((s) => s.state === 'disconnected'))
    expect(session.status().state).toBe('disconnected')

    const again = await startEmbeddedRedis({ dataDir: redis.dataDir, port, appendOnly: true })
    try {
      await waitFor('connected again', () => session.status().state === 'connected', { timeoutMs: 20_000 })
      // The runtime's loops survived the outage: the pipeline answers again.
      const result = await session.runtime()!.request('conv-after-outage', 'Hello, world!', { timeoutMs: 15_000 })
      expect(result.payload.text).toBe('!DLROW ,OLLEH')
    } finally {
      // The session must not outlive this server (cleanup() stops the original, already dead).
      await session.close()
      await again.stop()
    }
  })
})

describe('AppSession switching and testing connections', () => {
  let first: TestRedis
  let second: TestRedis
  let session: AppSession
  let dataDir: string

  beforeAll(async () => {
    ;[first, second] = await Promise.all([startTestRedis(), startTestRedis()])
    dataDir = mkdtempSync(join(tmpdir(), 'switchyard-session-'))
    session = new AppSession({ dataDir, secrets: noSecretStore, env: { REDIS_URL: first.url, SWITCHYARD_AGENTS: 'none' } })
    await session.start()
  })
  afterAll(async () => {
    await session?.close()
    await Promise.all([first?.cleanup(), second?.cleanup()])
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('a failing test names the target and leaves the current connection alone', async () => {
    const before = session.runtime()
    await expect(session.connect({ url: 'redis://127.0.0.1:1/0', connectTimeoutSec: 1 })).rejects.toThrow(/127\.0\.0\.1:1/)
    expect(session.runtime()).toBe(before)
    await waitFor('still connected', () => session.status().state === 'connected')
  })

  it('switching closes the old parts and builds new ones on the new Redis', async () => {
    const old = session.runtime()
    const status = await session.connect({ url: second.url })
    expect(status.target).toBe(`redis://127.0.0.1:${second.port}/0`)
    expect(session.runtime()).not.toBe(old)
    await waitFor('connected to the second', () => session.status().state === 'connected')
  })
})

describe('AppSession embedded default', () => {
  it('starts redis-server in the data folder with the append-only file, runs the demo, and stops it on close', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-embedded-'))
    const session = new AppSession({ dataDir, secrets: noSecretStore, env: {} })
    try {
      const status = await session.start()
      expect(status.embedded).toBe(true)
      await waitFor('connected', () => session.status().state === 'connected')
      const agents = await waitFor('demo agents', () => {
        const local = session.runtime()?.localAgents() ?? []
        return local.length >= 4 && local
      })
      expect(new Set(agents.map((a) => a.role))).toEqual(new Set(['manager', 'uppercase', 'reverse', 'stats']))
      const { readdirSync } = await import('node:fs')
      expect(readdirSync(join(dataDir, 'redis')).some((name) => name.startsWith('appendonly'))).toBe(true)
    } finally {
      await session.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
    expect(session.status().state).not.toBe('connecting')
  })

  it('says what to install when redis-server is missing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-embedded-'))
    const session = new AppSession({ dataDir, secrets: noSecretStore, env: { REDIS_SERVER_BIN: '/nonexistent/redis-server' } })
    try {
      const status = await session.start()
      expect(status.state).toBe('error')
      expect(status.error).toContain('apt-get install -y redis-server')
      expect(session.runtime()).toBeNull()
    } finally {
      await session.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('AppSession with a bad setting', () => {
  it('shows the error on the status instead of hanging on "connecting"', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-badenv-'))
    const session = new AppSession({ dataDir, secrets: noSecretStore, env: { REDIS_URL: 'redis://127.0.0.1:1/0', MAX_PROCESS_COUNT: 'lots' } })
    try {
      await expect(session.start()).rejects.toThrow(/MAX_PROCESS_COUNT must be a non-negative number/)
      expect(session.status()).toMatchObject({ state: 'error', error: expect.stringContaining('MAX_PROCESS_COUNT') })
    } finally {
      await session.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
