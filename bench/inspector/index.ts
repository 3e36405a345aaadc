/**
 * Inspector benchmark, runnable alone: `npx tsx bench/inspector/index.ts`.
 * Starts its own redis-server, fills a 1,000,000-entry stream, times the
 * newest page and a topology snapshot over 1,000 streams, prints the figures.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Redis } from 'ioredis'
import { startEmbeddedRedis } from '../../src/main/redis/embedded-redis'
import { readStreamPage } from '../../src/main/inspector/browse/stream-page'
import { TopologyReader } from '../../src/main/inspector/topology/topology-reader'
import { BIG_STREAM_ENTRIES, fill, fillMany, OTHER_KEYS, TOPOLOGY_STREAMS } from './fill'

const PAGE_RUNS = 21
const TOPOLOGY_RUNS = 7

async function timeRuns(runs: number, run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)
}

function describe(label: string, sorted: number[]): string {
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return `${label}: median ${at(0.5).toFixed(2)} ms (min ${at(0).toFixed(2)}, p90 ${at(0.9).toFixed(2)}, max ${at(1).toFixed(2)}; ${sorted.length} runs)`
}

export async function runInspectorBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-bench-inspector-'))
  const server = await startEmbeddedRedis({ dataDir, appendOnly: false })
  const redis = new Redis(server.url, { maxRetriesPerRequest: null })
  try {
    console.log('inspector bench')
    const fillMs = await fill(redis)
    console.log(`  filled ${BIG_STREAM_ENTRIES.toLocaleString('en')} entries in ${(fillMs / 1000).toFixed(1)} s (pipelined XADD)`)
    const args = { stream: 'bench:big', order: 'desc', count: 100 } as const
    const page = await readStreamPage(redis, args)
    if (page.entries.length !== 100 || page.length !== BIG_STREAM_ENTRIES) throw new Error('newest page came back wrong')
    console.log(`  ${describe('newest page of 100 (decoded envelopes), 1M-entry stream', await timeRuns(PAGE_RUNS, () => readStreamPage(redis, args)))}  [target < 100 ms]`)

    await fillMany(redis)
    const reader = new TopologyReader(redis)
    const snapshot = await reader.snapshot()
    if (snapshot.streamCount !== TOPOLOGY_STREAMS + 1) throw new Error(`expected ${TOPOLOGY_STREAMS + 1} streams, got ${snapshot.streamCount}`)
    console.log(`  ${describe(`topology snapshot, ${snapshot.streamCount} streams with a group each among ${OTHER_KEYS + TOPOLOGY_STREAMS + 1} keys`, await timeRuns(TOPOLOGY_RUNS, () => reader.snapshot()))}  [at most 4 pushes/s]`)
  } finally {
    await redis.quit().catch(() => undefined)
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runInspectorBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
