/**
 * `npm run bench:ui`: the renderer under load, in Debian's Chromium.
 *   1. Time from the host printing its URL (`node bin/switchyard.js serve`, as
 *      users start it) to the first useful page: the graph showing the demo's
 *      manager role.
 *   2. BENCH_UI_SECONDS (default 60) of 5,000 entries/s on a tailed stream, with
 *      a second page on the graph: longest task, tasks over 50 ms, JS heap at the end.
 * Targets (issue 13): first useful page within 1.5 s; no long task over 100 ms;
 * heap under 100 MB.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { Redis } from 'ioredis'
import { chromium } from 'playwright-core'
import { startEmbeddedRedis } from '../../src/main/redis/embedded-redis'
import { pageHealth, StreamsPage } from '../../test/e2e/pages/streams-page'
import { PipelinePage } from '../../test/e2e/pages/pipeline-page'
import { pingFloor } from '../support/ping-floor'

const SECONDS = Number(process.env.BENCH_UI_SECONDS ?? 60)
const RATE_PER_SEC = 5_000
const TICK_MS = 100
const STREAM_CAP = 100_000
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-ui-'))
  const redis = await startEmbeddedRedis({ dataDir: join(dir, 'redis'), appendOnly: false })
  const admin = new Redis(redis.url)
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  const host = spawn('node', ['bin/switchyard.js', 'serve'], {
    env: { ...process.env, REDIS_URL: redis.url, SWITCHYARD_AGENTS: 'demo', SWITCHYARD_DATA_DIR: join(dir, 'app'), STATS_DIR: join(dir, 'stats') },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    console.log(`\n== ui bench: Chromium against the headless host; machine floor: ${await pingFloor(admin)} ==`)
    const { url, printedAt } = await urlOf(host)
    const graph = new PipelinePage(await browser.newPage({ viewport: { width: 1440, height: 900 } }))
    await graph.open(url)
    await graph.node('role', 'manager').waitFor({ state: 'visible', timeout: 30_000 })
    const firstUsefulMs = performance.now() - printedAt
    console.log(`first useful page (graph with the manager role) after the URL was printed: ${firstUsefulMs.toFixed(0)} ms (target ≤ 1,500 ms: ${firstUsefulMs <= 1500 ? 'met' : 'NOT met'})`)

    const stream = `bench:ui:${Date.now()}`
    await admin.xadd(stream, '*', 'n', 'start')
    const streams = new StreamsPage(await browser.newPage({ viewport: { width: 1440, height: 900 } }))
    await streams.open(url)
    await streams.choose(stream)
    for (const page of [graph.page, streams.page]) await pageHealth.startLongTaskWatch(page)
    const sent = await produce(admin, stream)
    // The page has caught up once the closing entry is in the table.
    await streams.rowContaining('end').first().waitFor({ timeout: 60_000 })
    for (const [name, page] of [['streams (tailing)', streams.page], ['graph', graph.page]] as const) {
      const longest = await pageHealth.longestTaskMs(page)
      const over50 = await pageHealth.longTaskCount(page)
      const heapMb = (await pageHealth.jsHeapBytes(page)) / 1024 / 1024
      console.log(
        `${name}: ${sent.toLocaleString('en-US')} entries in ${SECONDS} s at ${RATE_PER_SEC} entries/s — longest task ${longest.toFixed(0)} ms, ` +
          `${over50} tasks over 50 ms, JS heap ${heapMb.toFixed(1)} MB (targets: no task over 100 ms ${longest <= 100 ? 'met' : 'NOT met'}; heap < 100 MB ${heapMb < 100 ? 'met' : 'NOT met'})`,
      )
    }
  } finally {
    await browser.close()
    host.kill('SIGTERM')
    await new Promise((resolve) => host.once('exit', resolve))
    admin.disconnect()
    await redis.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The URL line the host prints, and when it came. */
async function urlOf(host: ReturnType<typeof spawn>): Promise<{ url: string; printedAt: number }> {
  const lines = createInterface({ input: host.stdout! })
  for await (const line of lines) {
    const match = /serving on (\S+)/.exec(line)
    if (match?.[1]) return { url: match[1], printedAt: performance.now() }
  }
  throw new Error('the host exited before printing its URL')
}

/** RATE_PER_SEC entries/s for SECONDS, paced per 100 ms tick; ends with an "end" entry. */
async function produce(redis: Redis, stream: string): Promise<number> {
  const envelope = JSON.stringify({ conversation_id: 'load', message_id: 'load', target_role: 'nobody', payload: { text: 'x'.repeat(200), stage: 'start' } })
  const perTick = (RATE_PER_SEC * TICK_MS) / 1000
  const started = Date.now()
  let sent = 0
  for (let tick = 0; Date.now() - started < SECONDS * 1000; tick++) {
    const batch = redis.pipeline()
    for (let i = 0; i < perTick; i++) batch.xadd(stream, 'MAXLEN', '~', STREAM_CAP, '*', 'envelope', envelope)
    await batch.exec()
    sent += perTick
    const due = started + (tick + 1) * TICK_MS
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()))
  }
  await redis.xadd(stream, '*', 'n', 'end')
  return sent
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
