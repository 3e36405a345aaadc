import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisConfigFromEnv } from '../../../src/main/redis/connection-config'
import { freePort } from '../../../src/main/redis/free-port'
import { AgentRuntime } from '../../../src/main/runtime'
import { waitFor } from '../../support/wait'

describe('Redis Cluster (not supported yet): said in words, not as MOVED', () => {
  let dir: string
  let port: number
  let child: ReturnType<typeof spawn>
  let exited: Promise<void>

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchyard-cluster-node-'))
    port = await freePort()
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
    exited = new Promise((resolve) => child.once('exit', () => resolve()))
    await waitFor('the cluster node', async () => {
      const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null })
      probe.on('error', () => undefined) // refused until the node listens: the probe says so by rejecting
      try {
        await probe.connect()
        return (await probe.ping()) === 'PONG'
      } finally {
        probe.disconnect()
      }
    }, 20_000)
  })
  afterAll(async () => {
    child?.kill('SIGTERM')
    await exited
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('the runtime refuses a Cluster node at start with the reason', async () => {
    const runtime = new AgentRuntime({ redis: { url: `redis://127.0.0.1:${port}/0` }, statsDir: join(dir, 'stats') })
    try {
      await expect(runtime.start()).rejects.toThrow(/Redis Cluster is not supported yet.*cluster_enabled:1/)
    } finally {
      await runtime.close()
    }
  })

  it('a redis+cluster:// URL is refused by name', () => {
    expect(() => redisConfigFromEnv({ REDIS_URL: 'redis+cluster://127.0.0.1:7000' })).toThrow(/redis\+cluster:\/\/ names a Cluster: Redis Cluster is not supported yet/)
  })
})
