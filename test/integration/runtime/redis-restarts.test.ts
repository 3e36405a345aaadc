import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import { AgentRuntime } from '../../../src/main/runtime'
import { ChaosRedis } from './chaos-redis'
import { expectEachOnce, sendDemoRequests } from './envelope-count'
import { DEMO_ROLES } from './runtime-fixture'
import { waitFor } from '../../support/wait'

/** Short by default (npm test); CHAOS_SCALE=10 for the long version. */
const SCALE = Number(process.env.CHAOS_SCALE ?? 1)
const PER_PHASE = 150 * SCALE

describe('Redis itself goes away under traffic (append-only file on)', () => {
  let redis: ChaosRedis | undefined
  let runtime: AgentRuntime | undefined
  let client: Redis | undefined

  async function setUp(): Promise<{ redis: ChaosRedis; runtime: AgentRuntime; client: Redis }> {
    redis = new ChaosRedis()
    await redis.start()
    client = new Redis(redis.url, { maxRetriesPerRequest: null })
    runtime = new AgentRuntime({ redis: { url: redis.url }, statsDir: join(redis.dataDir, 'stats'), claimIdleMs: 500 })
    runtime.on('error', () => undefined) // connection trouble during the outage is expected; the count at the end is the check
    await runtime.start()
    for (const role of DEMO_ROLES) await runtime.startRole(role)
    return { redis, runtime, client }
  }

  afterEach(async () => {
    await runtime?.close()
    client?.disconnect()
    await redis?.cleanup()
  })

  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    it(`redis-server ${signal === 'SIGTERM' ? 'stopped (SHUTDOWN)' : 'SIGKILLed'} mid-run and restarted on its port and data: every result once`, async () => {
      const { redis, client } = await setUp()
      const sent: string[] = []
      const list = `restart:${signal}`
      await sendDemoRequests(client, sent, list, 0, PER_PHASE)
      await waitFor('some results before the outage', async () => (await client.llen(list)) >= PER_PHASE / 5, 30_000)
      await redis.kill(signal)
      await redis.start()
      await sendDemoRequests(client, sent, list, PER_PHASE, PER_PHASE)
      await waitFor(`${sent.length} results`, async () => (await client.llen(list)) >= sent.length, 90_000)
      await waitFor('nothing pending', async () => Number(((await client.xpending('stream:role:manager', 'cg:role:manager')) as [number])[0]) === 0, 30_000)
      await expectEachOnce(client, sent, list)
    }, 180_000)
  }

  it('DEBUG SLEEP (Redis frozen 1.5 s, twice) under traffic: every result once', async () => {
    const { client } = await setUp()
    const sent: string[] = []
    const list = 'restart:debug-sleep'
    const freezer = new Redis(redis!.url)
    try {
      await sendDemoRequests(client, sent, list, 0, PER_PHASE)
      for (let i = 0; i < 2; i++) {
        await freezer.call('DEBUG', ['SLEEP', '1.5'])
        await sendDemoRequests(client, sent, list, sent.length, PER_PHASE / 2)
      }
      await waitFor(`${sent.length} results`, async () => (await client.llen(list)) >= sent.length, 90_000)
      await expectEachOnce(client, sent, list)
      expect(runtime!.localAgents().every((a) => a.status !== 'stopped')).toBe(true)
    } finally {
      freezer.disconnect()
    }
  }, 180_000)
})
