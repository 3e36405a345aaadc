/**
 * Idle inspector cost on Redis, in process (issue 13, point 4): `npx tsx bench/inspector/idle-cost-direct.ts [seconds]`.
 * (idle-cost.ts measures the same through the served app and a browser page.)
 * Own redis-server; 1,000 streams with a group each, 9,000 other keys, a journal of
 * JOURNAL_ENTRIES hops; then an idle inspector with the topology watched, and the
 * commands it issues per second from INFO commandstats deltas (its own INFO calls removed).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { startEmbeddedRedis } from '../../src/main/redis/embedded-redis'
import { Inspector } from '../../src/main/inspector'
import { TopologyPusher } from '../../src/main/inspector/topology/topology-pusher'
import { TopologyReader } from '../../src/main/inspector/topology/topology-reader'
import { DEFAULT_TOPOLOGY_INTERVAL_MS } from '../../src/main/inspector/options'
import { JOURNAL_STREAM } from '@shared/keys'

const STREAMS = 1_000
const OTHER_KEYS = 9_000
const JOURNAL_ENTRIES = 100_000
const seconds = Number(process.argv[2] ?? 30)

async function commandStats(redis: Redis): Promise<Map<string, number>> {
  const info = await redis.info('commandstats')
  const calls = new Map<string, number>()
  for (const m of info.matchAll(/cmdstat_([^:]+):calls=(\d+)/g)) calls.set(m[1] as string, Number(m[2]))
  return calls
}

async function fill(redis: Redis): Promise<void> {
  let pipe = redis.pipeline()
  for (let i = 0; i < STREAMS; i++) {
    const key = `stream:role:bench${i}`
    for (let j = 0; j < 5; j++) pipe.xadd(key, '*', 'n', String(j))
    pipe.xgroup('CREATE', key, `cg:role:bench${i}`, '0')
    pipe.xreadgroup('GROUP', `cg:role:bench${i}`, 'w1', 'COUNT', 2, 'STREAMS', key, '>')
  }
  for (let i = 0; i < OTHER_KEYS; i++) pipe.set(`bench:other:${i}`, 'x')
  await pipe.exec()
  const envelope = JSON.stringify({ conversation_id: 'c', message_id: 'm', payload: { text: 'Hello' }, trace: [{ role: 'manager' }] })
  for (let done = 0; done < JOURNAL_ENTRIES; done += 5_000) {
    pipe = redis.pipeline()
    for (let i = 0; i < 5_000; i++) {
      pipe.xadd(JOURNAL_STREAM, '*', 'message_id', `m${done + i}`, 'role', 'manager', 'destination', 'stream:role:bench1', 'envelope', envelope)
    }
    await pipe.exec()
  }
}

async function measure(label: string, redis: Redis, start: () => () => Promise<void>): Promise<void> {
  const stop = start()
  await new Promise((r) => setTimeout(r, 3_000)) // warm-up: the first snapshot reads everything once
  const before = await commandStats(redis)
  await new Promise((r) => setTimeout(r, seconds * 1000))
  const after = await commandStats(redis)
  await stop()
  const rows: Array<[string, number]> = []
  let total = 0
  for (const [name, calls] of after) {
    const delta = calls - (before.get(name) ?? 0) - (name === 'info' ? 1 : 0)
    if (delta > 0) rows.push([name, delta / seconds])
    if (delta > 0) total += delta
  }
  rows.sort((a, b) => b[1] - a[1])
  console.log(`  ${label}: ${(total / seconds).toFixed(1)} commands/s over ${seconds} s [target ≤ 50]`)
  console.log(`    ${rows.map(([n, r]) => `${n} ${r.toFixed(1)}/s`).join(', ')}`)
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-bench-idle-'))
  const server = await startEmbeddedRedis({ dataDir, appendOnly: false })
  const redis = new Redis(server.url, { maxRetriesPerRequest: null })
  const probe = new Redis(server.url)
  try {
    await fill(redis)
    console.log(`idle inspector cost: ${STREAMS} streams with a group each, ${OTHER_KEYS} other keys, ${JOURNAL_ENTRIES} journal entries`)
    await measure('topology pusher alone (graph open)', probe, () => {
      const pusher = new TopologyPusher(new TopologyReader(redis), () => undefined, DEFAULT_TOPOLOGY_INTERVAL_MS, () => true, console.error)
      pusher.start()
      return async () => pusher.stop()
    })
    await measure('whole inspector, every topic watched', probe, () => {
      const inspector = new Inspector({
        redis, createBlockingClient: () => new Redis(server.url), publish: () => undefined, connectionLabel: 'bench', isWatched: () => true,
      })
      inspector.start()
      return () => inspector.close()
    })
  } finally {
    probe.disconnect()
    await redis.quit().catch(() => undefined)
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error)
  process.exit(1)
})
