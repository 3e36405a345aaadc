/**
 * A/B of the Switchyard worker between two checkouts (each built: dist/), side
 * by side on one redis-server, interleaved rounds, with the hand-batched
 * baseline in every round as the yardstick:
 *   BENCH_BASE=/path/to/other/checkout npx tsx bench/pipeline/ab.ts
 * Prints requests/s and hops/s flat out, CPU per request (node, redis), the
 * per-command Redis cost (INFO commandstats: calls and µs per request), and
 * p99 at 100 requests/s; medians with the runs.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Redis } from 'ioredis'
import { startEmbeddedRedis } from '../../src/main/redis/embedded-redis'
import { fixedRate, flatOut, HOPS_PER_REQUEST, latencySummary } from '../runtime/load'
import { withSpread } from '../runtime/stats'
import { pingFloor, redisCpuSeconds } from '../support/ping-floor'
import { startSystem } from './processes'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000)
const FIXED_SECONDS = Number(process.env.BENCH_FIXED_SECONDS ?? 0)
const base = process.env.BENCH_BASE
const here = resolve(import.meta.dirname, '../..')

interface Candidate {
  label: string
  args: string[]
  ready: RegExp
}

const candidates: Candidate[] = [
  { label: 'hand-batched', args: [join(here, 'bench/pipeline/systems/hand-batched.mjs')], ready: /^ready$/ },
  ...(base ? [{ label: `before (${base})`, args: [join(base, 'bin/switchyard.js'), 'worker', '--pipeline', 'demo'], ready: /worker ready/ }] : []),
  { label: `after (${here})`, args: [join(here, 'bin/switchyard.js'), 'worker', '--pipeline', 'demo'], ready: /worker ready/ },
].filter((c) => !process.env.BENCH_ONLY || c.label.startsWith(process.env.BENCH_ONLY))

interface Row {
  rps: number[]
  node: number[]
  redis: number[]
  p99: number[]
  stats: Array<Map<string, { calls: number; usec: number }>>
}

async function commandStats(admin: Redis): Promise<Map<string, { calls: number; usec: number }>> {
  const info = await admin.info('commandstats')
  const out = new Map<string, { calls: number; usec: number }>()
  for (const m of info.matchAll(/cmdstat_([\w|]+):calls=(\d+),usec=(\d+)/g)) out.set(m[1]!, { calls: Number(m[2]), usec: Number(m[3]) })
  return out
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-ab-'))
  const server = await startEmbeddedRedis({ dataDir: dir, appendOnly: false })
  const admin = new Redis(server.url)
  const env = { REDIS_URL: server.url, STATS_DIR: join(dir, 'stats'), REPORT_INTERVAL_SECONDS: '3600' }
  const rows = new Map(candidates.map((c) => [c.label, { rps: [], node: [], redis: [], p99: [], stats: [] } as Row]))
  try {
    console.log(`floor before: ${await pingFloor(admin)}`)
    for (let round = 1; round <= ROUNDS; round++) {
      for (const c of round % 2 ? candidates : [...candidates].reverse()) {
        const row = rows.get(c.label)!
        await admin.flushall()
        const proc = await startSystem('node', [...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), ...c.args], env, c.ready)
        await admin.config('RESETSTAT')
        const cpu0 = proc.cpuSeconds()
        const redis0 = await redisCpuSeconds(admin)
        const seconds = await flatOut(server.url, REQUESTS, 180_000)
        row.rps.push(REQUESTS / seconds)
        row.node.push(((proc.cpuSeconds() - cpu0) * 1000) / REQUESTS)
        row.redis.push((((await redisCpuSeconds(admin)) - redis0) * 1000) / REQUESTS)
        row.stats.push(await commandStats(admin))
        if (FIXED_SECONDS > 0) {
          await fixedRate(server.url, 100, 2)
          row.p99.push(latencySummary((await fixedRate(server.url, 100, FIXED_SECONDS)).latencies).p99)
        }
        await proc.stop()
        console.log(`  round ${round}: ${c.label} ${Math.round(row.rps.at(-1)!)} requests/s`)
      }
    }
    console.log(`floor after: ${await pingFloor(admin)}`)
  } finally {
    admin.disconnect()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  const batched = rows.get('hand-batched')?.rps ?? []
  for (const [label, row] of rows) {
    console.log(`\n${label}`)
    console.log(`  requests/s:            ${withSpread(row.rps)}`)
    console.log(`  hops/s:                ${withSpread(row.rps.map((r) => r * HOPS_PER_REQUEST))}`)
    console.log(`  vs hand-batched:       ${withSpread(row.rps.map((r, i) => r / batched[i]!), 2)}×`)
    console.log(`  CPU ms/request node:   ${withSpread(row.node, 3)}`)
    console.log(`  CPU ms/request redis:  ${withSpread(row.redis, 3)}`)
    if (row.p99.length) console.log(`  p99 at 100 req/s, ms:  ${withSpread(row.p99, 2)}`)
    const last = row.stats.at(-1)!
    const sorted = [...last].sort((a, b) => b[1].usec - a[1].usec).slice(0, 12)
    for (const [name, s] of sorted) {
      console.log(`    ${name.padEnd(22)} ${(s.calls / REQUESTS).toFixed(2).padStart(6)} calls/req ${(s.usec / REQUESTS).toFixed(1).padStart(7)} µs/req ${(s.usec / Math.max(1, s.calls)).toFixed(2).padStart(6)} µs/call`)
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
