/**
 * Pipeline bench: one driver (this process) feeds seed 001's demo request
 * (5 hops: manager → uppercase → manager → reverse → manager → result list)
 * to three systems, each in its own process, interleaved over several rounds
 * on one redis-server:
 *   - the seed written literally (COUNT 1, awaited XADD, awaited XACK),
 *   - a hand-batched pipeline (COUNT 256, one pipeline per batch, no journal),
 *   - Switchyard's worker as users start it (`node bin/switchyard.js worker --pipeline demo`).
 * Figures: requests/s and hops/s flat out, p50/p99 at 100 and 500 requests/s,
 * CPU per request (the system's process tree, and redis-server), the PING floor.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { startEmbeddedRedis } from '../../src/main/redis/embedded-redis'
import { fixedRate, flatOut, HOPS_PER_REQUEST, latencySummary } from '../runtime/load'
import { median, withSpread } from '../runtime/stats'
import { pingFloor, redisCpuSeconds } from '../support/ping-floor'
import { startSystem } from './processes'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const FIXED_SECONDS = Number(process.env.BENCH_FIXED_SECONDS ?? 10)
const WARMUP_SECONDS = 3
const FIXED_RATES = [100, 500]

interface SystemUnderTest {
  key: 'literal' | 'batched' | 'switchyard'
  name: string
  args: string[]
  ready: RegExp
  /** Requests per flat-out run: about 10 s of work for each system. */
  requests: number
}

const systems: SystemUnderTest[] = [
  { key: 'literal', name: 'seed written literally (COUNT 1, awaited XADD, awaited XACK)', args: ['bench/pipeline/systems/literal-seed.mjs'], ready: /^ready$/, requests: Number(process.env.BENCH_LITERAL_REQUESTS ?? 4_000) },
  { key: 'batched', name: 'hand-batched (COUNT 256, one pipeline per batch, no journal)', args: ['bench/pipeline/systems/hand-batched.mjs'], ready: /^ready$/, requests: Number(process.env.BENCH_REQUESTS ?? 30_000) },
  { key: 'switchyard', name: 'Switchyard worker (node bin/switchyard.js worker --pipeline demo)', args: ['bin/switchyard.js', 'worker', '--pipeline', 'demo'], ready: /worker ready/, requests: Number(process.env.BENCH_REQUESTS ?? 30_000) },
]

interface Figures {
  requestsPerSec: number[]
  nodeCpuMsPerRequest: number[]
  redisCpuMsPerRequest: number[]
  readyMs: number[]
  p50: Map<number, number[]>
  p99: Map<number, number[]>
  lost: number
}

export async function runPipelineBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-pipeline-'))
  const server = await startEmbeddedRedis({ dataDir: dir, appendOnly: false })
  const admin = new Redis(server.url)
  const env = { REDIS_URL: server.url, STATS_DIR: join(dir, 'stats'), REPORT_INTERVAL_SECONDS: '3600' }
  const figures = new Map(systems.map((s) => [s.key, emptyFigures()]))
  console.log(`\n== pipeline bench: demo request = ${HOPS_PER_REQUEST} hops; ${ROUNDS} interleaved rounds, each system in its own process ==`)
  try {
    console.log(`machine floor before: ${await pingFloor(admin)}`)
    for (let round = 1; round <= ROUNDS; round++) {
      for (const system of systems) {
        const f = figures.get(system.key)!
        await freshRedis(admin)
        const proc = await startSystem('node', system.args, env, system.ready)
        f.readyMs.push(proc.readyMs)
        const cpuBefore = proc.cpuSeconds()
        const redisBefore = await redisCpuSeconds(admin)
        const seconds = await flatOut(server.url, system.requests, 180_000)
        f.requestsPerSec.push(system.requests / seconds)
        f.nodeCpuMsPerRequest.push(((proc.cpuSeconds() - cpuBefore) * 1000) / system.requests)
        f.redisCpuMsPerRequest.push((((await redisCpuSeconds(admin)) - redisBefore) * 1000) / system.requests)
        await proc.stop()
        for (const rate of FIXED_RATES) {
          await freshRedis(admin)
          const fixedProc = await startSystem('node', system.args, env, system.ready)
          await fixedRate(server.url, rate, WARMUP_SECONDS)
          const run = await fixedRate(server.url, rate, FIXED_SECONDS)
          await fixedProc.stop()
          const { p50, p99 } = latencySummary(run.latencies)
          f.p50.set(rate, [...(f.p50.get(rate) ?? []), p50])
          f.p99.set(rate, [...(f.p99.get(rate) ?? []), p99])
          f.lost += run.lost
        }
        console.log(`  round ${round}: ${system.key} ${Math.round(f.requestsPerSec.at(-1)!)} requests/s flat out`)
      }
    }
    console.log(`machine floor after: ${await pingFloor(admin)}`)
    report(figures)
    const chain = await chainFlatOut(admin, server.url, env)
    console.log(`\ncost as work grows — Switchyard worker, ${CHAIN_ROLES} roles × ${CHAIN_INSTANCES} instances (bench/pipeline/systems/chain-agents.mjs), ${CHAIN_ROLES} hops per request:`)
    console.log(`  flat out, requests/s: ${withSpread(chain)}`)
    console.log(`  flat out, hops/s:     ${withSpread(chain.map((r) => r * CHAIN_ROLES))}   (demo pipeline above: ${withSpread(figures.get('switchyard')!.requestsPerSec.map((r) => r * HOPS_PER_REQUEST))} hops/s)`)
  } finally {
    admin.disconnect()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

const CHAIN_ROLES = 10
const CHAIN_INSTANCES = 4

/** Requests/s of a 10-role chain, 4 instances each, one flat-out run per round. */
async function chainFlatOut(admin: Redis, url: string, env: NodeJS.ProcessEnv): Promise<number[]> {
  const requests = Math.round(Number(process.env.BENCH_REQUESTS ?? 30_000) / 2)
  const rates: number[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    await freshRedis(admin)
    const args = ['bin/switchyard.js', 'worker', '--agents', 'bench/pipeline/systems/chain-agents.mjs', '--instances', String(CHAIN_INSTANCES)]
    // 40 agents, each with its own blocking connection, plus the shared ones: above the default bound of 20.
    const proc = await startSystem('node', args, { ...env, REDIS_MAX_CONNECTIONS: '64' }, /worker ready/)
    rates.push(requests / (await flatOut(url, requests, 300_000, 'chain_1')))
    await proc.stop()
  }
  return rates
}

function emptyFigures(): Figures {
  return { requestsPerSec: [], nodeCpuMsPerRequest: [], redisCpuMsPerRequest: [], readyMs: [], p50: new Map(), p99: new Map(), lost: 0 }
}

function report(figures: Map<SystemUnderTest['key'], Figures>): void {
  for (const system of systems) {
    const f = figures.get(system.key)!
    console.log(`\n${system.name}`)
    console.log(`  flat out, requests/s:       ${withSpread(f.requestsPerSec)}`)
    console.log(`  flat out, hops/s:           ${withSpread(f.requestsPerSec.map((r) => r * HOPS_PER_REQUEST))}`)
    console.log(`  CPU per request, ms (node): ${withSpread(f.nodeCpuMsPerRequest, 3)}`)
    console.log(`  CPU per request, ms (redis):${withSpread(f.redisCpuMsPerRequest, 3)}`)
    console.log(`  ready after start, ms:      ${withSpread(f.readyMs)}`)
    for (const rate of FIXED_RATES) {
      console.log(`  at ${rate} requests/s (${rate * HOPS_PER_REQUEST} hops/s), ${FIXED_SECONDS} s: p50 ms ${withSpread(f.p50.get(rate) ?? [], 2)}`)
      console.log(`  ${' '.repeat(String(rate).length + 36)}p99 ms ${withSpread(f.p99.get(rate) ?? [], 2)}`)
    }
    if (f.lost) console.log(`  ${f.lost} results not back within 5 s of a fixed-rate run's end`)
  }
  const sy = figures.get('switchyard')!
  const lit = figures.get('literal')!
  const bat = figures.get('batched')!
  // Ratios per round (the systems ran side by side), then their median.
  const perRound = (a: number[], b: number[]): number[] => a.map((v, i) => v / (b[i] ?? Number.NaN))
  const vsLiteral = perRound(sy.requestsPerSec, lit.requestsPerSec)
  const vsBatched = perRound(sy.requestsPerSec, bat.requestsPerSec)
  const p99At100 = perRound(sy.p99.get(100) ?? [], lit.p99.get(100) ?? [])
  const p99At500 = perRound(sy.p99.get(500) ?? [], lit.p99.get(500) ?? [])
  console.log('\nSwitchyard against the baselines, ratio per round (median, runs):')
  console.log(`  flat out vs literal:      ${withSpread(vsLiteral, 2)}×   target ≥ 10×: ${median(vsLiteral) >= 10 ? 'met' : 'NOT met'}`)
  console.log(`  flat out vs hand-batched: ${withSpread(vsBatched, 2)}×   target ≥ 0.8×: ${median(vsBatched) >= 0.8 ? 'met' : 'NOT met'}`)
  console.log(`  p99 at 100 requests/s vs literal: ${withSpread(p99At100, 2)}×   target ≤ 1×: ${median(p99At100) <= 1 ? 'met' : 'NOT met'}`)
  console.log(`  p99 at 500 requests/s vs literal: ${withSpread(p99At500, 2)}×   target ≤ 1.5×: ${median(p99At500) <= 1.5 ? 'met' : 'NOT met'}`)
}

/** Empties Redis between phases and gives the freed memory back now (jemalloc purge off the next phase). */
async function freshRedis(admin: Redis): Promise<void> {
  await admin.flushall()
  await admin.call('MEMORY', ['PURGE'])
}
