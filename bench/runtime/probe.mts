/**
 * A quick probe for profiling one part of the runtime bench (not part of `npm run bench`):
 *   N=20000 npx tsx bench/runtime/probe.mts                 flat out, agents in this process
 *   N=0 FIXED=1 [SEPARATE=1] npx tsx bench/runtime/probe.mts  500 requests/s, event-loop delay;
 *                                                             SEPARATE runs the agents in a worker process
 * Add `node --cpu-prof --import tsx` to see where the time goes.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmbeddedRedis } from '../../src/main/redis/embedded-redis'
import { AgentRuntime } from '../../src/main/runtime'
import { flatOut, fixedRate, latencySummary } from './load'
const dir = mkdtempSync(join(tmpdir(), 'sy-prof-'))
const server = await startEmbeddedRedis({ dataDir: dir, appendOnly: false })
console.log('redis pid', server.process.pid, 'node pid', process.pid)
const runtime = new AgentRuntime({ redis: { url: server.url }, statsDir: join(dir, 'stats') })
await runtime.start()
if (process.env.SEPARATE) {
  const { spawn } = await import('node:child_process')
  const child = spawn(process.execPath, ['bin/switchyard.js', 'worker', '--roles', 'manager,uppercase,reverse'], { env: { ...process.env, REDIS_URL: server.url }, stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => { if (d.toString().includes('ready')) resolve() }))
  process.on('exit', () => child.kill('SIGKILL'))
} else if (process.env.BASELINE) {
  const { SeedBaseline } = await import('./seed-baseline')
  await new SeedBaseline(server.url).start()
} else for (const role of ['manager', 'uppercase', 'reverse']) await runtime.startRole(role)
const n = Number(process.env.N ?? 20000)
if (n > 0) { const s = await flatOut(server.url, n, 120000); console.log('hops/s', (n * 5 / s).toFixed(0)) }
if (process.env.FIXED) { await fixedRate(server.url, 500, Number(process.env.WARM ?? 1))
  const { monitorEventLoopDelay } = await import('node:perf_hooks'); const h = monitorEventLoopDelay({ resolution: 1 }); h.enable()
  const f = await fixedRate(server.url, 500, Number(process.env.SECS ?? 3)); h.disable()
  const l = f.latencies; const over = (t: number) => l.filter((x) => x > t).length
  console.log(latencySummary(l), f.lost, 'n', l.length, '>5ms', over(5), '>10ms', over(10), 'max', l[l.length-1]?.toFixed(1))
  console.log('loop delay p50/p99/max ms', h.percentile(50)/1e6, h.percentile(99)/1e6, h.max/1e6) }
await runtime.close()
await server.stop()
process.exit(0)
