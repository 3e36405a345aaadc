/**
 * `npm run soak`: the demo pipeline at a steady hop rate for a while, with the
 * headless host open and a live tail subscribed. Prints the memory of the
 * worker and the host at start and end, stream and side-key sizes against
 * their caps, and exits non-zero on a lost or duplicated envelope or on
 * memory growth over 20 %.
 *
 *   npm run soak                                   # 10 minutes at 2,000 hops/s
 *   npm run soak -- --duration 90                  # a quick try (seconds)
 *   SOAK_DURATION_SEC=90 SOAK_HOPS_PER_SEC=1000 npm run soak
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import WebSocket from 'ws'
import { startEmbeddedRedis } from '../../src/main/redis/embedded-redis'
import { keySizes, printKeySizes } from './key-sizes'
import { SoakLoad } from './load'
import { rssMiB, spawnSwitchyard, stubRenderer } from './processes'

/** Memory may grow this much from the warmed-up start to the end. */
const MAX_GROWTH = 0.2
/** After sending stops, wait this long without a new result before counting the missing as lost. */
const DRAIN_QUIET_MS = 30_000

function setting(flag: string, env: string, fallback: number): number {
  const at = process.argv.indexOf(flag)
  const raw = at >= 0 ? process.argv[at + 1] : process.env[env]
  const value = raw === undefined ? fallback : Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} / ${env} must be a positive number, got "${raw}"`)
  return value
}

async function main(): Promise<number> {
  const durationSec = setting('--duration', 'SOAK_DURATION_SEC', 600)
  const hopsPerSec = setting('--hops', 'SOAK_HOPS_PER_SEC', 2_000)
  const instances = setting('--instances', 'SOAK_INSTANCES', 2)
  const warmupSec = Math.min(30, durationSec * 0.2)
  const root = mkdtempSync(join(tmpdir(), 'switchyard-soak-'))
  const redisServer = await startEmbeddedRedis({ dataDir: join(root, 'redis'), appendOnly: true })
  const env = { REDIS_URL: redisServer.url, STATS_DIR: join(root, 'stats') }
  const worker = spawnSwitchyard('worker', ['worker', '--pipeline', 'demo', '--instances', String(instances)], env, /^worker ready/)
  const host = spawnSwitchyard('host', ['serve'], {
    ...env, SWITCHYARD_AGENTS: 'none', SWITCHYARD_DATA_DIR: join(root, 'host'), SWITCHYARD_RENDERER_DIR: stubRenderer(join(root, 'renderer')),
  }, /Switchyard is serving on/)
  const redis = new Redis(redisServer.url)
  const blocking = new Redis(redisServer.url, { maxRetriesPerRequest: null })
  const load = new SoakLoad(redis, blocking)
  let ws: WebSocket | undefined
  try {
    await worker.ready
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
    const start = { worker: rssMiB(worker.process.pid), host: rssMiB(host.process.pid) }
    printKeySizes('start', await keySizes(redis))
    const progress = setInterval(() => {
      const secs = (Date.now() - started) / 1000
      console.log(`  ${secs.toFixed(0)} s: sent ${load.sent.size}, answered ${load.answers.size}, ${(load.hops / secs).toFixed(0)} hops/s, worker ${rssMiB(worker.process.pid)} MiB, host ${rssMiB(host.process.pid)} MiB`)
    }, 15_000)
    await new Promise((r) => setTimeout(r, Math.max(0, durationSec * 1000 - (Date.now() - started))))
    clearInterval(progress)
    const end = { worker: rssMiB(worker.process.pid), host: rssMiB(host.process.pid) }
    const elapsed = (Date.now() - started) / 1000
    const hopsInRun = load.hops
    load.stopSending()
    await load.drain(DRAIN_QUIET_MS)
    printKeySizes('end', await keySizes(redis))

    const lost = load.lost
    const duplicates = load.duplicates
    const growth = { worker: end.worker / start.worker - 1, host: end.host / start.host - 1 }
    console.log(`sent ${load.sent.size}, answered ${load.answers.size}, lost ${lost.length}, duplicated ${duplicates.length}, send errors ${load.sendErrors}`)
    console.log(`achieved ${(hopsInRun / elapsed).toFixed(0)} hops/s over ${elapsed.toFixed(0)} s (target ${hopsPerSec}); ${load.hops} hops in all after the drain`)
    console.log(`tail: ${tailPushes} pushes, ${tailEntries} entries`)
    for (const who of ['worker', 'host'] as const) {
      console.log(`memory ${who}: ${start[who]} MiB after ${warmupSec} s warm-up -> ${end[who]} MiB at end (${(growth[who] * 100).toFixed(1)} %)`)
    }
    const failures = [
      lost.length > 0 && `${lost.length} lost (first: ${lost.slice(0, 3).join(', ')})`,
      duplicates.length > 0 && `${duplicates.length} duplicated`,
      growth.worker > MAX_GROWTH && `worker memory grew ${(growth.worker * 100).toFixed(1)} %`,
      growth.host > MAX_GROWTH && `host memory grew ${(growth.host * 100).toFixed(1)} %`,
    ].filter(Boolean)
    console.log(failures.length ? `SOAK FAILED: ${failures.join('; ')}` : 'SOAK PASSED: nothing lost, nothing twice, memory bounded')
    return failures.length ? 1 : 0
  } finally {
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
