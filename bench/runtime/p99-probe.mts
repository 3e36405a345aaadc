/**
 * The p99 target in isolation: 100 requests/s (= 500 envelopes/s) for SECS
 * seconds, runtime and literal baseline alternating ROUNDS times in this one
 * process. `npx tsx bench/runtime/p99-probe.mts`; add node flags to compare
 * (`node --max-semi-space-size=32 --import tsx ...`).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Redis } from 'ioredis'
import { startEmbeddedRedis } from '../../src/main/redis/embedded-redis'
import { AgentRuntime } from '../../src/main/runtime'
import { fixedRate, latencySummary } from './load'
import { SeedBaseline } from './seed-baseline'

const RATE = Number(process.env.RATE ?? 100)
const SECS = Number(process.env.SECS ?? 10)
const ROUNDS = Number(process.env.ROUNDS ?? 3)
const dir = mkdtempSync(join(tmpdir(), 'sy-p99-'))
const server = await startEmbeddedRedis({ dataDir: dir, appendOnly: false })
const admin = new Redis(server.url)

async function measure(label: string, start: () => Promise<() => Promise<void>>): Promise<void> {
  await admin.flushall()
  const stop = await start()
  await fixedRate(server.url, RATE, 1)
  const loop = monitorEventLoopDelay({ resolution: 20 })
  loop.enable()
  const { latencies } = await fixedRate(server.url, RATE, SECS)
  loop.disable()
  await stop()
  const { p50, p99 } = latencySummary(latencies)
  const over = latencies.filter((x) => x > 5).length
  console.log(`${label} p50 ${p50.toFixed(2)} p99 ${p99.toFixed(2)} >5ms ${over}/${latencies.length} max ${latencies.at(-1)?.toFixed(1)} loop p99 ${(loop.percentile(99) / 1e6).toFixed(2)}`)
}

for (let round = 0; round < ROUNDS; round++) {
  if (!process.env.ONLY_BASELINE) await measure('runtime ', async () => {
    const runtime = new AgentRuntime({ redis: { url: server.url }, statsDir: join(dir, 'stats') })
    await runtime.start()
    for (const role of ['manager', 'uppercase', 'reverse']) await runtime.startRole(role)
    return () => runtime.close()
  })
  if (!process.env.ONLY_RUNTIME) await measure('baseline', async () => {
    const baseline = new SeedBaseline(server.url)
    await baseline.start()
    return () => baseline.close()
  })
}
admin.disconnect()
await server.stop()
process.exit(0)
