/**
 * The inspector's cost on Redis: commands per second that an open, idle app
 * (`node bin/switchyard.js serve`, no agents, one browser page on the graph)
 * issues against a Redis with 1,000 streams and a full journal.
 * Target (issue 13): at most 50 commands/s.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { Redis } from 'ioredis'
import { chromium } from 'playwright-core'
import { startEmbeddedRedis } from '../../src/main/redis/embedded-redis'
import { AgentRuntime } from '../../src/main/runtime'
import { PipelinePage } from '../../test/e2e/pages/pipeline-page'
import { flatOut } from '../runtime/load'
import { fillMany, TOPOLOGY_STREAMS } from './fill'

/** 20,000 demo requests = 100,000 hops: the journal's default cap, full. */
const JOURNAL_REQUESTS = 20_000
const SETTLE_MS = 5_000
const MEASURE_MS = Number(process.env.BENCH_IDLE_SECONDS ?? 20) * 1000
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export async function runIdleCostBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-idle-'))
  const server = await startEmbeddedRedis({ dataDir: join(dir, 'redis'), appendOnly: false })
  const admin = new Redis(server.url)
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  let host: ReturnType<typeof spawn> | undefined
  try {
    console.log(`\n== inspector idle cost: ${TOPOLOGY_STREAMS} streams and a full journal ==`)
    await fillMany(admin)
    const runtime = new AgentRuntime({ redis: { url: server.url }, statsDir: join(dir, 'stats') })
    await runtime.start()
    for (const role of ['manager', 'uppercase', 'reverse']) await runtime.startRole(role)
    await flatOut(server.url, JOURNAL_REQUESTS, 300_000)
    await runtime.close()
    console.log(`  journal: ${await admin.xlen('switchyard:journal')} entries; ${await admin.dbsize()} keys`)

    host = spawn('node', ['bin/switchyard.js', 'serve'], {
      env: { ...process.env, REDIS_URL: server.url, SWITCHYARD_AGENTS: 'none', SWITCHYARD_DATA_DIR: join(dir, 'app'), STATS_DIR: join(dir, 'stats') },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const url = await urlOf(host)
    const graph = new PipelinePage(await browser.newPage({ viewport: { width: 1440, height: 900 } }))
    await graph.open(url)
    // An idle app is the point: let the first snapshots and tails settle before counting.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    const before = await commandCounts(admin)
    await new Promise((resolve) => setTimeout(resolve, MEASURE_MS))
    const after = await commandCounts(admin)
    // Our own two INFO calls are in the count: take them out.
    const total = after.total - before.total - 1
    const perSec = total / (MEASURE_MS / 1000)
    console.log(`  an open, idle app: ${perSec.toFixed(1)} commands/s over ${MEASURE_MS / 1000} s (target ≤ 50: ${perSec <= 50 ? 'met' : 'NOT met'})`)
    const byCommand = [...after.byCommand]
      .map(([name, calls]) => [name, calls - (before.byCommand.get(name) ?? 0)] as const)
      .filter(([name, calls]) => calls > 0 && name !== 'info')
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
    console.log(`  by command, per second: ${byCommand.map(([name, calls]) => `${name} ${(calls / (MEASURE_MS / 1000)).toFixed(1)}`).join(', ')}`)
  } finally {
    await browser.close()
    if (host) {
      host.kill('SIGTERM')
      await new Promise((resolve) => host!.once('exit', resolve))
    }
    admin.disconnect()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** total_commands_processed and per-command calls, from one INFO. */
async function commandCounts(redis: Redis): Promise<{ total: number; byCommand: Map<string, number> }> {
  const info = await redis.info('all')
  const total = Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0)
  const byCommand = new Map<string, number>()
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) byCommand.set(match[1]!, Number(match[2]))
  return { total, byCommand }
}

async function urlOf(host: ReturnType<typeof spawn>): Promise<string> {
  for await (const line of createInterface({ input: host.stdout! })) {
    const match = /serving on (\S+)/.exec(line)
    if (match?.[1]) return match[1]
  }
  throw new Error('the host exited before printing its URL')
}
