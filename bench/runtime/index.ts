/**
 * Runtime benchmark: the demo pipeline (manager → uppercase → manager →
 * reverse → manager → result list, 5 hops per request) flat out and at a
 * fixed rate, the runtime side by side with a literal seed implementation.
 *
 *   envelopes/s = hops processed per second (each hop reads, processes and
 *                 writes one envelope); requests/s = envelopes/s ÷ 5.
 *   latency     = from the request's XADD to its result popped from the list,
 *                 at 500 envelopes/s (100 requests/s) and at 500 requests/s.
 *
 * Everything runs in this one process against a redis-server of its own on
 * loopback; other work on the machine shares the CPU, so each figure is the
 * median of several runs with the spread printed. Before each measured phase
 * a full GC clears what the phase before left (run with --expose-gc, as
 * `npm run bench` does), so no phase pays for another's garbage.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Redis } from 'ioredis'
import { startEmbeddedRedis } from '../../src/main/redis/embedded-redis'
import { AgentRuntime } from '../../src/main/runtime'
import { fixedRate, flatOut, HOPS_PER_REQUEST, latencySummary } from './load'
import { SeedBaseline } from './seed-baseline'
import { median, withSpread } from './stats'
import { pingFloor } from '../support/ping-floor'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
/** Requests per flat-out run: 20,000 requests = 100,000 envelopes (hops) for the runtime. */
const RUNTIME_REQUESTS = Number(process.env.BENCH_RUNTIME_REQUESTS ?? 20_000)
/** The literal baseline is ~10x slower: 4,000 requests = 20,000 envelopes keeps a run near 15 s. */
const BASELINE_REQUESTS = Number(process.env.BENCH_BASELINE_REQUESTS ?? 4_000)
/**
 * Fixed loads, in requests sent per second: 100 requests/s = 500 envelopes (hops)/s,
 * the target's unit; 500 requests/s = 2,500 envelopes/s, five times harder.
 */
const FIXED_RATES = [100, 500]
/** 10 s at 100 requests/s = 1,000 samples: the p99 is the 10th slowest, not the 5th. */
const FIXED_SECONDS = Number(process.env.BENCH_FIXED_SECONDS ?? 10)
/** Not counted: the JIT settles (its compiler threads share the 2 cores) and connections warm. */
const WARMUP_SECONDS = 3

interface System {
  name: string
  requests: number
  start(url: string, dir: string): Promise<() => Promise<void>>
}

const systems: System[] = [
  {
    name: 'switchyard runtime (batched reads, one MULTI per batch, journal on)',
    requests: RUNTIME_REQUESTS,
    async start(url, dir) {
      const runtime = new AgentRuntime({ redis: { url }, statsDir: join(dir, 'stats') })
      await runtime.start()
      for (const role of ['manager', 'uppercase', 'reverse']) await runtime.startRole(role)
      return () => runtime.close()
    },
  },
  {
    name: 'seed baseline (XREADGROUP COUNT 1, awaited XADD, awaited XACK)',
    requests: BASELINE_REQUESTS,
    async start(url) {
      const baseline = new SeedBaseline(url)
      await baseline.start()
      return () => baseline.close()
    },
  },
]

export async function runRuntimeBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-runtime-'))
  const server = await startEmbeddedRedis({ dataDir: dir, appendOnly: false })
  const admin = new Redis(server.url)
  console.log(`\n== runtime bench: demo pipeline, ${HOPS_PER_REQUEST} hops per request, median of ${RUNS} runs ==`)
  try {
    console.log(`machine floor: ${await pingFloor(admin)}`)
    for (const system of systems) {
      const hopRates: number[] = []
      const latency = new Map<number, { p50s: number[]; p99s: number[]; lost: number }>()
      for (let run = 0; run < RUNS; run++) {
        await freshRedis(admin)
        const stop = await system.start(server.url, dir)
        collectGarbage()
        const seconds = await flatOut(server.url, system.requests, 120_000)
        hopRates.push((system.requests * HOPS_PER_REQUEST) / seconds)
        await stop()
        for (const rate of FIXED_RATES) {
          await freshRedis(admin)
          const stopFixed = await system.start(server.url, dir)
          collectGarbage()
          await fixedRate(server.url, rate, WARMUP_SECONDS)
          const fixed = await fixedRate(server.url, rate, FIXED_SECONDS)
          await stopFixed()
          const { p50, p99 } = latencySummary(fixed.latencies)
          const row = latency.get(rate) ?? { p50s: [], p99s: [], lost: 0 }
          row.p50s.push(p50)
          row.p99s.push(p99)
          row.lost += fixed.lost
          latency.set(rate, row)
        }
      }
      console.log(`\n${system.name}`)
      console.log(`  flat out, ${system.requests.toLocaleString('en-US')} requests = ${(system.requests * HOPS_PER_REQUEST).toLocaleString('en-US')} envelopes per run:`)
      console.log(`    envelopes/s (hops): ${withSpread(hopRates)}`)
      console.log(`    requests/s:         ${withSpread(hopRates.map((r) => r / HOPS_PER_REQUEST))}`)
      for (const [rate, row] of latency) {
        console.log(`  fixed ${rate} requests/s = ${rate * HOPS_PER_REQUEST} envelopes/s for ${FIXED_SECONDS} s, end-to-end latency:`)
        console.log(`    p50 ms: ${withSpread(row.p50s, 2)}`)
        console.log(`    p99 ms: ${withSpread(row.p99s, 2)}${row.lost ? `   (${row.lost} results not back within 5 s of the end)` : ''}`)
      }
      if (system.requests === RUNTIME_REQUESTS) {
        const p99At500Envelopes = median(latency.get(100)?.p99s ?? [Number.NaN])
        const ok = median(hopRates) >= 10_000 && p99At500Envelopes < 5
        console.log(`  target (>= 10,000 envelopes/s flat out, p99 < 5 ms at 500 envelopes/s): ${ok ? 'met' : 'NOT met'}`)
      }
    }
  } finally {
    admin.disconnect()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Empties Redis between phases and has its allocator give the freed memory
 * back now: otherwise jemalloc's background purge of the last phase's
 * ~100 MB runs on the shared cores during the next one.
 */
async function freshRedis(admin: Redis): Promise<void> {
  await admin.flushall()
  await admin.call('MEMORY', ['PURGE'])
}

/** A full GC between phases when the process allows it (node --expose-gc). */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
}


if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runRuntimeBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
