import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENVELOPE_FIELD, type Envelope } from '@shared/envelope'
import { BROADCAST_ALL, resultList, roleGroup, roleStream } from '@shared/keys'
import { BIN } from '../../support/built-package'
import { startTestRedis, type TestRedis } from '../../support/redis'
import { letTimePass, waitFor } from '../../support/wait'
import { killAll, linkedProject, runCli, type CliProcess, type UserProject } from './user-project'

const AGENTS = `import { BaseAgent } from 'switchyard'
import { SUFFIX } from './suffix.mjs'

export class ShoutAgent extends BaseAgent {
  async process(env) {
    await new Promise((resolve) => setTimeout(resolve, 3))
    env.payload.text = String(env.payload.text).toUpperCase() + SUFFIX
    return env
  }
}
`
const suffix = (version: string): string => `export const SUFFIX = ' ${version}'\n`

/** Seed 001's reload: the worker re-imports its agents module and restarts the role with a drain. */
describe('reload of a worker\'s agents module under traffic', () => {
  let server: TestRedis
  let client: Redis
  let project: UserProject
  const running: CliProcess[] = []

  beforeAll(async () => {
    server = await startTestRedis()
    client = new Redis(server.url)
    project = linkedProject()
  })
  afterAll(async () => {
    await killAll(running)
    client?.disconnect()
    await server?.cleanup()
    project?.cleanup()
  })

  let sent = 0
  const ids: string[] = []
  async function send(n: number): Promise<void> {
    const pipeline = client.pipeline()
    for (let i = 0; i < n; i++) {
      const id = `reload:${sent++}`
      ids.push(id)
      const envelope = { conversation_id: 'reload', message_id: id, sender_role: 'external', kind: 'task', payload: { text: `m${sent}` } }
      pipeline.xadd(roleStream('shout'), '*', ENVELOPE_FIELD, JSON.stringify(envelope))
    }
    await pipeline.exec()
  }

  it('picks up an edited helper file and loses no entry, handling none twice', async () => {
    project.write('suffix.mjs', suffix('v1'))
    project.write('agents.mjs', AGENTS)
    const worker = runCli(process.execPath, [BIN, 'worker', '--agents', './agents.mjs', '--instances', '2'], {
      cwd: project.dir,
      env: { REDIS_URL: server.url, STATS_DIR: join(project.dir, 'stats') },
    })
    running.push(worker)
    await worker.ready
    await send(150)

    // Only the helper changes: the reload must re-read the module's own imports too.
    project.write('suffix.mjs', suffix('v2'))
    await client.publish(BROADCAST_ALL, JSON.stringify({ command: 'reload' }))
    // Traffic goes on while the instances are swapped.
    while (!worker.output().includes('worker: reloaded')) {
      await send(10)
      await letTimePass(20) // the traffic's pace
      if (sent > 5_000) throw new Error(`no reload after ${sent} entries: ${worker.output()}`)
    }
    expect(worker.output()).toContain('reloaded ./agents.mjs: shout (2 instances restarted)')
    const afterReload = sent
    await send(100)

    const lengths = async (): Promise<number[]> => {
      const pipeline = client.pipeline()
      for (const id of ids) pipeline.llen(resultList(id))
      return ((await pipeline.exec()) ?? []).map(([, n]) => Number(n))
    }
    await waitFor('a result for every entry sent', async () => (await lengths()).every((n) => n >= 1), 60_000)
    expect((await lengths()).filter((n) => n !== 1)).toEqual([])

    const texts: string[] = []
    for (const id of ids) texts.push((JSON.parse((await client.lindex(resultList(id), 0)) ?? '{}') as Envelope).payload.text as string)
    expect(texts.filter((t) => !/^M\d+ v[12]$/.test(t))).toEqual([])
    expect(texts.slice(afterReload).filter((t) => !t.endsWith(' v2'))).toEqual([])
    expect(texts.slice(0, 10).every((t) => t.endsWith(' v1'))).toBe(true)
    const pending = (await client.xpending(roleStream('shout'), roleGroup('shout'))) as [number, ...unknown[]]
    expect(pending[0]).toBe(0)
  })
})
