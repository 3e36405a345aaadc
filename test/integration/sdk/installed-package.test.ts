import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AGENT_REGISTRY } from '@shared/keys'
import { REPO_ROOT } from '../../support/built-package'
import { startTestRedis, type TestRedis } from '../../support/redis'
import { waitFor } from '../../support/wait'
import { killAll, projectAt, roundTrip, runCli, SHOUT_MJS, SHOUT_TS, type CliProcess, type UserProject } from './user-project'

const run = promisify(execFile)
const FINAL_STATS = 'agent_final_statistics.txt'
/** npm reads the checkout's whole tree on a loaded machine: generous. */
const INSTALL_TIMEOUT_MS = 240_000

/**
 * Issue 8's check, literally: a fresh folder, `npm init -y`, `npm install
 * <checkout>`, a ShoutAgent module importing 'switchyard', and `npx switchyard
 * worker --agents` serving role `shout`. One install for the whole file.
 */
describe('switchyard installed from the checkout into a fresh folder', () => {
  let server: TestRedis
  let client: Redis
  let project: UserProject
  const running: CliProcess[] = []
  const envFor = (statsDir: string) => ({ REDIS_URL: server.url, STATS_DIR: statsDir, SWITCHYARD_HEARTBEAT_INTERVAL: '0.5' })

  beforeAll(async () => {
    server = await startTestRedis()
    client = new Redis(server.url)
    project = projectAt(mkdtempSync(join(tmpdir(), 'switchyard-npm-')))
    await run('npm', ['init', '-y'], { cwd: project.dir })
    await run('npm', ['install', REPO_ROOT, '--offline', '--no-audit', '--no-fund'], { cwd: project.dir, timeout: INSTALL_TIMEOUT_MS })
    project.write('agents.mjs', SHOUT_MJS)
    project.write('agents.ts', SHOUT_TS)
  }, INSTALL_TIMEOUT_MS + 30_000)

  afterEach(() => killAll(running))

  afterAll(async () => {
    client?.disconnect()
    await server?.cleanup()
    project?.cleanup()
  })

  it('installs a library of built JavaScript with types, and no tsx or esbuild among its dependencies', async () => {
    const manifest = JSON.parse(readFileSync(join(project.dir, 'node_modules', 'switchyard', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
      exports: Record<string, { types: string; import: string }>
    }
    expect(Object.keys(manifest.dependencies)).not.toContain('tsx')
    expect(Object.keys(manifest.dependencies)).not.toContain('esbuild')
    expect(manifest.exports['.']?.import).toMatch(/\.js$/)
    expect(existsSync(join(project.dir, 'node_modules', 'switchyard', manifest.exports['.']!.types))).toBe(true)
    const names = await run(process.execPath, ['--input-type=module', '-e', "import * as s from 'switchyard'; console.log(Object.keys(s).join(' '))"], {
      cwd: project.dir,
    })
    for (const name of ['BaseAgent', 'FlatAgent', 'AgentRuntime', 'request', 'envelopeSchema', 'roleStream', 'resultList', 'BROADCAST_ALL']) {
      expect(names.stdout.split(/\s+/)).toContain(name)
    }
  })

  it("type-checks the user's agents.ts against the installed .d.ts, and refuses a process() that returns no envelope", async () => {
    const tsc = join(REPO_ROOT, 'node_modules', '.bin', 'tsc')
    const flags = ['--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022']
    await run(tsc, [...flags, 'agents.ts'], { cwd: project.dir })
    project.write('wrong.ts', "import { BaseAgent } from 'switchyard'\nexport class WrongAgent extends BaseAgent {\n  process() { return 42 }\n}\n")
    const refused = await run(tsc, [...flags, 'wrong.ts'], { cwd: project.dir }).then(() => null, (error: { stdout: string }) => error.stdout)
    expect(refused).toMatch(/wrong\.ts.*process/s)
  })

  for (const file of ['agents.mjs', 'agents.ts']) {
    it(`npx switchyard worker --agents ./${file} serves role shout, and stops on SIGTERM to npx's pid`, async () => {
      const statsDir = join(project.dir, `stats-${file}`)
      const worker = runCli('npx', ['switchyard', 'worker', '--agents', `./${file}`], { cwd: project.dir, env: envFor(statsDir) })
      running.push(worker)
      await worker.ready
      await waitFor('the agent line', () => worker.output().includes(`${file}: export ShoutAgent`))
      const result = await roundTrip(client, 'shout', 'hello from the seed')
      expect(result.payload.text).toBe('HELLO FROM THE SEED!')
      expect(result.trace.map((hop) => hop.role)).toEqual(['shout'])
      // What Docker or systemd do: SIGTERM to the pid they started (npx's).
      worker.child.kill('SIGTERM')
      const finalStats = join(statsDir, FINAL_STATS)
      await waitFor('the final statistics file', () => existsSync(finalStats) && readFileSync(finalStats, 'utf8').includes('shout'), 20_000)
      await waitFor('the shout agent registered as stopped', async () => {
        const rows = Object.values(await client.hgetall(AGENT_REGISTRY)).map((row) => JSON.parse(row) as { role: string; status: string })
        const shout = rows.filter((row) => row.role === 'shout')
        return shout.length > 0 && shout.every((row) => row.status === 'stopped')
      }, 20_000)
      await client.del(AGENT_REGISTRY)
    })
  }

  it("ends the worker with its final statistics on SIGTERM to the bin's own pid", async () => {
    const statsDir = join(project.dir, 'stats-bin')
    const bin = join(project.dir, 'node_modules', '.bin', 'switchyard')
    const worker = runCli(process.execPath, [bin, 'worker', '--agents', './agents.mjs'], { cwd: project.dir, env: envFor(statsDir) })
    running.push(worker)
    await worker.ready
    // The pid that answers is the pid we started: no child node behind it.
    await waitFor('the agent line with our pid', () => worker.output().includes(`:${worker.child.pid}:`))
    expect((await roundTrip(client, 'shout', 'once')).payload.text).toBe('ONCE!')
    worker.child.kill('SIGTERM')
    const { code, signal } = await worker.exited
    expect({ code, signal }).toEqual({ code: 0, signal: null })
    expect(worker.output()).toContain('SIGTERM, stopping')
    const report = readFileSync(join(statsDir, FINAL_STATS), 'utf8')
    expect(report).toContain('FINAL AGENT PERFORMANCE STATISTICS')
    expect(report).toContain('shout')
  })
})
