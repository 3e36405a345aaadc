/**
 * `npm run soak`: the demo pipeline at a steady hop rate for a while, with the
 * headless host open and a live tail subscribed. Prints the memory of the
 * worker and the host — retained after a forced GC, and resident — from the
 * warmed-up start to the end (memory.ts says why both), stream and side-key
 * sizes against their caps, and exits non-zero on a lost or duplicated
 * envelope or on memory growth over 20 %.
 *
 *   npm run soak                                   # 10 minutes at 2,000 hops/s
 *   npm run soak -- --duration 90                  # a quick try (seconds)
 *   SOAK_DURATION_SEC=90 SOAK_HOPS_PER_SEC=1000 npm run soak
 *   npm run soak -- --snapshots DIR                # also heap snapshots of the host at start and end
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import WebSocket from 'ws'
import { startEmbeddedRedis } from '../../src/main/redis/embedded-redis'
import { keySizes, printKeySizes } from './key-sizes'
import { SoakLoad } from './load'
import { heapSnapshot, inspectorUrl, memoryNow } from './heap-probe'
import { MemoryWatch } from './memory'
import { spawnSwitchyard, stubRenderer } from './processes'

/** Retained memory is also read this often during the run (a trend, not a check). */
const CHECKPOINT_EVERY_MS = 60_000
/** After sending stops, wait this long without a new result before counting the missing as lost. */
const DRAIN_QUIET_MS = 30_000

function setting(flag: string, env: string, fallback: number): number {
  const at = process.argv.indexOf(flag)
  const raw = at >= 0 ? process.argv[at + 1] : process.env[env]
  const value = raw === undefined ? fallback : Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} / ${env} must be a positive number, got "${raw}"`)
  return value
}

function mustInspector(output: string): string {
  const url = inspectorUrl(output)
  if (!url) throw new Error(`no inspector address in the output (node --inspect): ${output.slice(0, 500)}`)
  return url
}

async function main(): Promise<number> {
  const durationSec = setting('--duration', 'SOAK_DURATION_SEC', 600)
  const hopsPerSec = setting('--hops', 'SOAK_HOPS_PER_SEC', 2_000)
  const instances = setting('--instances', 'SOAK_INSTANCES', 2)
  const warmupSec = Math.min(30, durationSec * 0.2)
  const root = mkdtempSync(join(tmpdir(), 'switchyard-soak-'))
  const redisServer = await startEmbeddedRedis({ dataDir: join(root, 'redis'), appendOnly: true })
  const env = { REDIS_URL: redisServer.url, STATS_DIR: join(root, 'stats') }
  // The inspector (on a free loopback port) lets the soak force a full GC before reading the heap.
  const inspect = ['--inspect=127.0.0.1:0']
  const worker = spawnSwitchyard('worker', ['worker', '--pipeline', 'demo', '--instances', String(instances)], env, /^worker ready/, inspect)
  const host = spawnSwitchyard('host', ['serve'], {
    ...env, SWITCHYARD_AGENTS: 'none', SWITCHYARD_DATA_DIR: join(root, 'host'), SWITCHYARD_RENDERER_DIR: stubRenderer(join(root, 'renderer')),
  }, /Switchyard is serving on/, inspect)
  const snapshots = process.argv.includes('--snapshots') ? process.argv[process.argv.indexOf('--snapshots') + 1] : undefined
  let stopping = false
  for (const child of [worker, host]) {
    child.process.once('exit', (code, signal) => {
      if (!stopping) console.error(`soak: ${child.name} exited (${signal ?? code}) during the run; its last output:\n${child.output()}`)
    })
  }
  const redis = new Redis(redisServer.url)
  const blocking = new Redis(redisServer.url, { maxRetriesPerRequest: null })
  const load = new SoakLoad(redis, blocking)
  let ws: WebSocket | undefined
  try {
    await worker.ready
    // Read once now: the kept output is only the last few KiB, and the address is printed first.
    const inspectors = { worker: mustInspector(worker.output()), host: mustInspector(host.output()) }
    const memory = new MemoryWatch([worker, host].map((c) => ({ name: c.name, pid: c.process.pid, inspector: inspectors[c.name as 'worker' | 'host'] })))
    const hostUrl = new URL(/(http:\/\/\S+)/.exec(await host.ready)?.[1] ?? '')
    const token = hostUrl.searchParams.get('token') ?? ''
    ws = new WebSocket(`ws://${hostUrl.host}/ws?token=${token}`)
    await new Promise((resolve, reject) => (ws!.once('open', resolve), ws!.once('error', reject)))
    let tailPushes = 0
    let tailEntries = 0
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { type: string; topic?: string; payload?: { entries: unknown[] } }
      if (frame.type !== 'event' || frame.topic !== 'tail') return
      tailPushes++
      tailEntries += frame.payload?.entries.length ?? 0
    })
    ws.send(JSON.stringify({ type: 'subscribe', token, topic: 'tail', on: true }))
    ws.send(JSON.stringify({ type: 'call', id: 1, token, method: 'streams.tail.start', args: { stream: 'stream:role:manager', fromId: '$' } }))

    load.startReceiving()
    const hopsPerRequest = Math.max(1, await load.probe())
    const perSec = hopsPerSec / hopsPerRequest
    console.log(`soak: ${durationSec} s at ${hopsPerSec} hops/s = ${perSec.toFixed(0)} requests/s (${hopsPerRequest} hops each), ${instances} instances per role`)
    load.startSending(perSec)
    const started = Date.now()
    await new Promise((r) => setTimeout(r, warmupSec * 1000))
    await memory.checkpoint(`${warmupSec} s warm-up`)
    // A snapshot that fails must not cost the run its report.
    const snapshot = (label: string) =>
      snapshots && heapSnapshot(inspectors.host, join(snapshots, `host-${label}.heapsnapshot`)).catch((e: unknown) => console.error(`soak: no ${label} snapshot: ${String(e)}`))
    await snapshot('start')
    memory.startRss()
    printKeySizes('start', await keySizes(redis))
    const progress = setInterval(() => {
      const secs = (Date.now() - started) / 1000
      const rates = `sent ${load.sent.size}, answered ${load.answers.size}, ${(load.hops / secs).toFixed(0)} hops/s`
      const now = (url: string) => memoryNow(url).catch((error: unknown) => (error instanceof Error ? error.message : String(error)))
      void Promise.all([now(inspectors.worker), now(inspectors.host)]).then(([w, h]) => {
        const of = (m: typeof w) => (typeof m === 'string' ? `unreadable (${m})` : `rss ${m.rss} MiB (V8 heap ${m.heapUsed} used of ${m.heapTotal})`)
        console.log(`  ${secs.toFixed(0)} s: ${rates}; worker ${of(w)}, host ${of(h)}`)
      })
    }, 15_000)
    const checkpoints = setInterval(() => void memory.checkpoint(`${((Date.now() - started) / 1000).toFixed(0)} s`), CHECKPOINT_EVERY_MS)
    await new Promise((r) => setTimeout(r, Math.max(0, durationSec * 1000 - (Date.now() - started))))
    clearInterval(progress)
    clearInterval(checkpoints)
    memory.stopRss()
    await memory.checkpoint('end')
    await snapshot('end')
    const elapsed = (Date.now() - started) / 1000
    const hopsInRun = load.hops
    load.stopSending()
    await load.drain(DRAIN_QUIET_MS)
    printKeySizes('end', await keySizes(redis))

    const lost = load.lost
    const duplicates = load.duplicates
    const { lines: memoryLines, failures: memoryFailures } = memory.report()
    console.log(`sent ${load.sent.size}, answered ${load.answers.size}, lost ${lost.length}, duplicated ${duplicates.length}, send errors ${load.sendErrors}`)
    console.log(`achieved ${(hopsInRun / elapsed).toFixed(0)} hops/s over ${elapsed.toFixed(0)} s (target ${hopsPerSec}); ${load.hops} hops in all after the drain`)
    console.log(`tail: ${tailPushes} pushes, ${tailEntries} entries`)
    for (const line of memoryLines) console.log(line)
    const failures = [
      lost.length > 0 && `${lost.length} lost (first: ${lost.slice(0, 3).join(', ')})`,
      duplicates.length > 0 && `${duplicates.length} duplicated`,
      ...memoryFailures,
    ].filter(Boolean)
    console.log(failures.length ? `SOAK FAILED: ${failures.join('; ')}` : 'SOAK PASSED: nothing lost, nothing twice, memory bounded')
    return failures.length ? 1 : 0
  } finally {
    stopping = true
    ws?.close()
    await load.stop()
    await Promise.all([worker.stop(), host.stop()])
    redis.disconnect()
    blocking.disconnect()
    await redisServer.stop()
    rmSync(root, { recursive: true, force: true })
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`soak: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(2)
  },
)
