import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppSession } from '../../../src/main/app/app-session'
import { noSecretStore } from '../../../src/main/app/secret-store'
import type { MetricsServer } from '../../../src/main/metrics/metrics-server'
import { serveAppMetrics } from '../../../src/main/metrics/serve-runtime-metrics'
import { startTestRedis, type TestRedis } from '../../support/redis'
import { waitFor } from '../../support/wait'

describe("the app's /metrics (SWITCHYARD_METRICS_PORT)", () => {
  let redis: TestRedis
  let dataDir: string
  let session: AppSession
  let metrics: MetricsServer | null

  beforeAll(async () => {
    redis = await startTestRedis()
    dataDir = mkdtempSync(join(tmpdir(), 'switchyard-app-metrics-'))
    const env = { REDIS_URL: redis.url, SWITCHYARD_AGENTS: 'demo', SWITCHYARD_METRICS_PORT: '0' }
    session = new AppSession({ dataDir, secrets: noSecretStore, env })
    await session.start()
    metrics = await serveAppMetrics(() => session.runtime(), env)
  })
  afterAll(async () => {
    await metrics?.close()
    await session?.close()
    await redis?.cleanup()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('counts the hops of the demo its runtime runs, per role', async () => {
    expect(metrics?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/)
    await waitFor('the demo agents', () => (session.runtime()?.localAgents().length ?? 0) >= 3)
    const result = await session.runtime()!.request('conv-metrics', 'Hello, world!', { timeoutMs: 15_000 })
    expect(result.payload.text).toBe('!DLROW ,OLLEH')
    const text = await waitFor('reverse counted', async () => {
      const body = await (await fetch(metrics!.url)).text()
      return /switchyard_hops_total\{role="reverse"\} [1-9]/.test(body) && body
    })
    expect(text).toMatch(/switchyard_hops_total\{role="manager"\} [1-9]/)
    expect(text).toMatch(/switchyard_hops_total\{role="uppercase"\} [1-9]/)
    expect(text).toMatch(/switchyard_redis_up 1/)
  })

  it('a bad SWITCHYARD_METRICS_PORT is named and the app goes on without /metrics', async () => {
    expect(await serveAppMetrics(() => session.runtime(), { SWITCHYARD_METRICS_PORT: 'ninety' })).toBeNull()
    expect(session.status().state).toBe('connected')
  })
})
