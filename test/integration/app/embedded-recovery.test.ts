import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import type { ConnectionStatus } from '@shared/api'
import { AppSession } from '../../../src/main/app/app-session'
import { processAlive, readLock } from '../../../src/main/app/embedded-lock'
import { noSecretStore } from '../../../src/main/app/secret-store'
import { waitFor } from '../../support/wait'

const BIN = join(__dirname, '../../../bin/switchyard.js')

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
  delete env.REDIS_URL // the embedded default is what is under test
  return env
}

/** `switchyard serve` in its own process, on a data folder; resolves once it serves. */
async function spawnHost(dataDir: string, rendererDir: string) {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: cleanEnv({ SWITCHYARD_DATA_DIR: dataDir, SWITCHYARD_RENDERER_DIR: rendererDir, SWITCHYARD_AGENTS: 'none' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await waitFor('the host serving', () => output.includes('Switchyard is serving'), 30_000).catch((error: Error) => {
    child.kill('SIGKILL')
    throw new Error(`${error.message}\n${output}`)
  })
  return child
}

function tempDirs() {
  const root = mkdtempSync(join(tmpdir(), 'switchyard-embedded-recovery-'))
  const rendererDir = join(root, 'renderer')
  mkdirSync(rendererDir, { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Switchyard</title>')
  return { root, dataDir: join(root, 'data'), rendererDir }
}

describe('the embedded redis-server of one data folder', () => {
  it('a host killed with SIGKILL leaves a server; the next start stops it (data kept) and runs one of its own', async () => {
    const { root, dataDir, rendererDir } = tempDirs()
    const host = await spawnHost(dataDir, rendererDir)
    const first = readLock(join(dataDir, 'redis'))
    expect(first, 'lock written by the first host').not.toBeNull()
    const writer = new Redis({ port: first!.port, host: '127.0.0.1' })
    await writer.set('kept-across-crash', 'yes')
    writer.disconnect()
    host.kill('SIGKILL')
    await waitFor('the host gone', () => host.exitCode !== null || host.signalCode !== null)
    expect(processAlive(first!.redisPid), 'orphaned redis-server still runs').toBe(true)

    const session = new AppSession({ dataDir, secrets: noSecretStore, env: cleanEnv({ SWITCHYARD_AGENTS: 'none' }) })
    try {
      await session.start()
      await waitFor('connected', () => session.status().state === 'connected', 20_000)
      expect(processAlive(first!.redisPid), 'the orphan was stopped').toBe(false)
      const second = readLock(join(dataDir, 'redis'))
      expect(second?.redisPid).not.toBe(first!.redisPid)
      expect(second?.hostPid).toBe(process.pid)
      expect(await session.runtime()!.commandClient().get('kept-across-crash')).toBe('yes')
    } finally {
      await session.close()
      rmSync(root, { recursive: true, force: true })
    }
  }, 90_000)

  it('a second session on the same folder uses the running server instead of starting another', async () => {
    const { root, dataDir } = tempDirs()
    const env = cleanEnv({ SWITCHYARD_AGENTS: 'none' })
    const a = new AppSession({ dataDir, secrets: noSecretStore, env })
    const b = new AppSession({ dataDir, secrets: noSecretStore, env })
    try {
      const statusA = await a.start()
      const lock = readLock(join(dataDir, 'redis'))
      const statusB = await b.start()
      expect(statusB.target).toBe(statusA.target)
      expect(readLock(join(dataDir, 'redis'))).toEqual(lock)
      await b.close()
      expect(processAlive(lock!.redisPid), 'b does not stop a server it did not start').toBe(true)
    } finally {
      await b.close()
      await a.close()
      rmSync(root, { recursive: true, force: true })
    }
  }, 60_000)

  it('killed, it is restarted with a visible message and "connected" comes back with the same instance counts', async () => {
    const { root, dataDir } = tempDirs()
    const session = new AppSession({ dataDir, secrets: noSecretStore, env: cleanEnv({}) })
    const pushed: ConnectionStatus[] = []
    session.bus.listen('connection', (_t, status) => pushed.push(status as ConnectionStatus))
    try {
      await session.start()
      await waitFor('connected', () => session.status().state === 'connected', 20_000)
      const runtime = session.runtime()!
      await waitFor('demo agents', () => runtime.localAgents().length >= 4)
      await runtime.scale('uppercase', 3)
      const before = countsOf(session)
      expect(before.uppercase).toBe(3)

      const lock = readLock(join(dataDir, 'redis'))!
      process.kill(lock.redisPid, 'SIGKILL')
      const told = await waitFor('the restart told on the status', () =>
        pushed.find((s) => s.state === 'disconnected' && /redis-server exited \(SIGKILL\); restarting/.test(s.error ?? '')),
      )
      expect(told.embedded).toBe(true)
      await waitFor('connected again', () => session.status().state === 'connected' && session.status().error === null, 30_000)
      expect(readLock(join(dataDir, 'redis'))?.redisPid).not.toBe(lock.redisPid)
      expect(countsOf(session)).toEqual(before)
      const result = await session.runtime()!.request('conv-after-restart', 'Hello, world!', { timeoutMs: 20_000 })
      expect(result.payload.text).toBe('!DLROW ,OLLEH')
    } finally {
      await session.close()
      rmSync(root, { recursive: true, force: true })
    }
  }, 90_000)
})

describe('the embedded redis-server whose port was taken while it was down', () => {
  it('comes back on a fresh port, the connection is rebuilt on it, and the instance counts are kept', async () => {
    const { root, dataDir } = tempDirs()
    const session = new AppSession({ dataDir, secrets: noSecretStore, env: cleanEnv({}) })
    const squatter = createServer()
    try {
      await session.start()
      await waitFor('connected', () => session.status().state === 'connected', 20_000)
      await waitFor('demo agents', () => (session.runtime()?.localAgents().length ?? 0) >= 4)
      await session.runtime()!.scale('reverse', 2)
      const before = countsOf(session)
      const lock = readLock(join(dataDir, 'redis'))!
      process.kill(lock.redisPid, 'SIGKILL')
      // Someone else takes the port as soon as it is free: every same-port restart fails.
      await waitFor('the port taken', () =>
        new Promise<boolean>((resolve) => {
          squatter.once('error', () => resolve(false))
          squatter.listen(lock.port, '127.0.0.1', () => resolve(true))
        }),
      )
      await waitFor('a server on another port', () => {
        const now = readLock(join(dataDir, 'redis'))
        return now !== null && now.port !== lock.port
      }, 30_000)
      await waitFor('connected on the new port', () => session.status().state === 'connected' && session.status().target.includes(`:${readLock(join(dataDir, 'redis'))!.port}/`), 30_000)
      await waitFor('the same instance counts', () => JSON.stringify(countsOf(session)) === JSON.stringify(before), 20_000)
    } finally {
      squatter.close()
      await session.close()
      rmSync(root, { recursive: true, force: true })
    }
  }, 90_000)
})

function countsOf(session: AppSession): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const agent of session.runtime()?.localAgents() ?? []) counts[agent.role] = (counts[agent.role] ?? 0) + 1
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)))
}
