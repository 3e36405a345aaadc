/** Sequential requests (one at a time): per-request latency without queueing. `npx tsx bench/runtime/seq-probe.mts` */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { startEmbeddedRedis } from '../../src/main/redis/embedded-redis'
import { AgentRuntime } from '../../src/main/runtime'
import { completeEnvelope } from '../../src/main/runtime/core/send'
import { SeedBaseline } from './seed-baseline'

const dir = mkdtempSync(join(tmpdir(), 'sy-seq-'))
const server = await startEmbeddedRedis({ dataDir: dir, appendOnly: false })
const r = new Redis(server.url)
const w = new Redis(server.url)
async function seq(label: string): Promise<void> {
  const l: number[] = []
  for (let i = 0; i < 1500; i++) {
    const env = completeEnvelope({ kind: 'role', name: 'manager' }, { conversation_id: 'c', sender_role: 'external', result_list: 'seq', payload: { text: 'Hello', stage: 'start' } })
    const t = performance.now()
    await r.xadd('stream:role:manager', '*', 'envelope', JSON.stringify(env))
    await w.brpop('seq', 5)
    if (i >= 500) l.push(performance.now() - t)
  }
  l.sort((a, b) => a - b)
  console.log(label, 'p50', l[500]!.toFixed(2), 'p90', l[900]!.toFixed(2), 'p99', l[990]!.toFixed(2))
}
for (let round = 0; round < 2; round++) {
  const rt = new AgentRuntime({ redis: { url: server.url }, statsDir: join(dir, 's') })
  await rt.start()
  for (const role of ['manager', 'uppercase', 'reverse']) await rt.startRole(role)
  await seq('runtime ')
  await rt.close()
  await r.flushall()
  const b = new SeedBaseline(server.url)
  await b.start()
  await seq('baseline')
  await b.close()
  await r.flushall()
}
r.disconnect()
w.disconnect()
await server.stop()
process.exit(0)
