import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENVELOPE_FIELD } from '@shared/envelope'
import { roleStream } from '@shared/keys'
import { completeEnvelope } from '../../../src/main/runtime'
import { startTestRedis, type TestRedis } from '../../support/redis'
import { waitFor } from '../../support/wait'
import { spawnWorker, type WorkerProcess } from '../runtime/worker-process'
import { startPrometheus, type TestPrometheus } from './prometheus'

const DEMO_ROLES = ['manager', 'uppercase', 'reverse']
const REQUESTS = 200

describe('Prometheus scrapes a worker started with --metrics-port', () => {
  let redis: TestRedis
  let client: Redis
  let worker: WorkerProcess
  let prometheus: TestPrometheus
  let metricsUrl: string

  beforeAll(async () => {
    redis = await startTestRedis()
    client = new Redis(redis.url)
    worker = spawnWorker(['--pipeline', 'demo', '--metrics-port', '0'], { REDIS_URL: redis.url, STATS_DIR: join(redis.dataDir, 'stats') })
    await worker.ready
    metricsUrl = /worker metrics on (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(worker.output())?.[1] ?? ''
    prometheus = await startPrometheus(new URL(metricsUrl).host)
  })
  afterAll(async () => {
    if (worker && worker.child.exitCode === null) worker.child.kill('SIGTERM')
    await worker?.exited
    await prometheus?.stop()
    client?.disconnect()
    await redis?.cleanup()
  })

  it('during a demo run its HTTP API returns a non-zero switchyard_hops_total for each demo role', async () => {
    const pipeline = client.pipeline()
    for (let i = 0; i < REQUESTS; i++) {
      const envelope = completeEnvelope({ kind: 'role', name: 'manager' }, {
        conversation_id: `metrics_${i}`,
        sender_role: 'external',
        result_list: 'results:metrics',
        payload: { text: `message ${i}`, stage: 'start' },
      })
      pipeline.xadd(roleStream('manager'), '*', ENVELOPE_FIELD, JSON.stringify(envelope))
    }
    await pipeline.exec()
    await waitFor('every result', async () => (await client.llen('results:metrics')) >= REQUESTS, 30_000)

    // The manager hops three times per request (start, after uppercase, after reverse); the others once.
    const expected: Record<string, number> = { manager: 3 * REQUESTS, uppercase: REQUESTS, reverse: REQUESTS }
    const series = await waitFor('every role scraped with all its hops', async () => {
      const rows = await prometheus.query('switchyard_hops_total')
      const byRole = new Map(rows.map((r) => [r.metric.role, r.value]))
      return DEMO_ROLES.every((role) => (byRole.get(role) ?? 0) >= expected[role]!) && byRole
    }, 30_000)
    for (const role of DEMO_ROLES) expect(series.get(role)).toBe(expected[role])

    const histogram = await prometheus.query('sum by (role) (switchyard_hop_duration_seconds_count)')
    expect(new Map(histogram.map((r) => [r.metric.role, r.value]))).toEqual(new Map(Object.entries(expected)))
    const agents = await prometheus.query('switchyard_agent_instances')
    expect(agents.filter((r) => r.value > 0).map((r) => r.metric.role)).toEqual(expect.arrayContaining(DEMO_ROLES))
    const roundTrip = await waitFor('a Redis round trip', async () => (await prometheus.query('switchyard_redis_roundtrip_seconds'))[0])
    expect(roundTrip.value).toBeGreaterThan(0)
  })

  it('exposes pending and lag per group, and only /metrics', async () => {
    const text = await (await fetch(metricsUrl)).text()
    expect(text).toMatch(/switchyard_group_pending\{stream="stream:role:manager",group="cg:role:manager"\} 0/)
    expect(text).toMatch(/switchyard_group_lag\{stream="stream:role:manager",group="cg:role:manager"\} 0/)
    expect(text).toMatch(/# TYPE switchyard_hop_duration_seconds histogram/)
    expect((await fetch(metricsUrl.replace('/metrics', '/'))).status).toBe(404)
  })
})
