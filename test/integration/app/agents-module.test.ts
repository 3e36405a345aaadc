import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Method, RequestInput, ResponseOf } from '@shared/api'
import type { Result } from '@shared/result'
import { ENVELOPE_FIELD, type Envelope } from '@shared/envelope'
import { resultList, roleStream } from '@shared/keys'
import { AppSession } from '../../../src/main/app/app-session'
import { createSessionDispatcher } from '../../../src/main/app/control-handlers'
import { noSecretStore } from '../../../src/main/app/secret-store'
import { startTestRedis, type TestRedis } from '../../support/redis'
import { waitFor } from '../../support/wait'
import { linkedProject, roundTrip, SHOUT_MJS, type UserProject } from '../sdk/user-project'

const WHISPER_MJS = `import { BaseAgent } from 'switchyard'
export class WhisperAgent extends BaseAgent {
  process(env) {
    env.payload.text = String(env.payload.text).toLowerCase()
    return env
  }
}
`

/** The app's runtime on the user's agents module: the env variable, the Agents view's field, Reload. */
describe('the app with an agents module', () => {
  let redis: TestRedis
  let client: Redis
  let project: UserProject
  let dataDir: string
  let session: AppSession | null = null

  const open = async (env: Record<string, string> = {}) => {
    session = new AppSession({ dataDir, secrets: noSecretStore, env: { REDIS_URL: redis.url, SWITCHYARD_AGENTS: 'none', ...env } })
    await session.start()
    const dispatch = createSessionDispatcher(session)
    const call = <M extends Method>(method: M, args: RequestInput<M>) => dispatch(method, args) as Promise<Result<ResponseOf<M>>>
    const ok = async <M extends Method>(method: M, args: RequestInput<M>): Promise<ResponseOf<M>> => {
      const result = await call(method, args)
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
      return result.value
    }
    return { call, ok }
  }
  const running = (ok: Awaited<ReturnType<typeof open>>['ok'], role: string) => async () =>
    (await ok('agents.list', {})).filter((a) => a.role === role && a.local && a.status !== 'stopped').length

  beforeAll(async () => {
    redis = await startTestRedis()
    client = new Redis(redis.url)
    project = linkedProject()
    project.write('shout.mjs', SHOUT_MJS)
    project.write('whisper.mjs', WHISPER_MJS)
  })
  afterEach(async () => {
    await session?.close()
    session = null
  })
  afterAll(async () => {
    client?.disconnect()
    await redis?.cleanup()
    project?.cleanup()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('runs the roles of SWITCHYARD_AGENTS_MODULE beside the built-ins, with start, stop and scale', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'switchyard-app-module-'))
    const { ok } = await open({ SWITCHYARD_AGENTS_MODULE: join(project.dir, 'shout.mjs') })
    await waitFor('shout running', running(ok, 'shout'), 20_000)
    expect(await ok('agents.module', {})).toEqual({ path: join(project.dir, 'shout.mjs'), source: 'env', roles: ['shout'], error: null })
    const roles = await ok('agents.roles', {})
    expect(roles.find((r) => r.role === 'shout')).toMatchObject({ pipeline: 'user' })
    expect(roles.some((r) => r.role === 'uppercase')).toBe(true)
    expect((await roundTrip(client, 'shout', 'app')).payload.text).toBe('APP!')
    await ok('agents.scale', { role: 'shout', instances: 2 })
    expect(await running(ok, 'shout')()).toBe(2)
    await ok('agents.stop', { role: 'shout' })
    expect(await running(ok, 'shout')()).toBe(0)
    await ok('agents.start', { role: 'shout', instances: 1 })
    expect(await running(ok, 'shout')()).toBe(1)
  })

  it('refuses a module that cannot run, naming the file and the export, and keeps the one it has', async () => {
    const { call, ok } = await open({ SWITCHYARD_AGENTS_MODULE: join(project.dir, 'shout.mjs') })
    await waitFor('shout running', running(ok, 'shout'), 20_000)
    project.write('bad.mjs', `${SHOUT_MJS}\nexport const notAnAgent = 1\n`)
    const refused = await call('agents.setModule', { path: join(project.dir, 'bad.mjs') })
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.code).toBe('invalid_request')
      expect(refused.error.message).toMatch(/^path: .*bad\.mjs: export "notAnAgent" is not an agent class/)
    }
    expect((await ok('agents.module', {})).roles).toEqual(['shout'])
    expect(await running(ok, 'shout')()).toBe(1)
  })

  it('switches to the module chosen in the field and remembers it in the data folder across a restart', async () => {
    const first = await open({ SWITCHYARD_AGENTS_MODULE: join(project.dir, 'shout.mjs') })
    await waitFor('shout running', running(first.ok, 'shout'), 20_000)
    const status = await first.ok('agents.setModule', { path: join(project.dir, 'whisper.mjs') })
    expect(status).toMatchObject({ source: 'setting', roles: ['whisper'], error: null })
    expect(await running(first.ok, 'whisper')()).toBe(1)
    expect(await running(first.ok, 'shout')()).toBe(0)
    expect(JSON.parse(readFileSync(join(dataDir, 'agents-module.json'), 'utf8'))).toEqual({ path: join(project.dir, 'whisper.mjs') })
    await session?.close()

    const again = await open({ SWITCHYARD_AGENTS_MODULE: join(project.dir, 'shout.mjs') })
    await waitFor('whisper running after the restart', running(again.ok, 'whisper'), 20_000)
    expect((await roundTrip(client, 'whisper', 'REMEMBERED')).payload.text).toBe('remembered')
    expect(existsSync(join(dataDir, 'agents-module.json'))).toBe(true)
  })

  it('Reload re-imports the edited module and restarts its role with a drain, losing no entry', async () => {
    const file = project.write('reloaded.mjs', SHOUT_MJS)
    const { ok } = await open()
    await ok('agents.setModule', { path: file })
    await ok('agents.scale', { role: 'shout', instances: 2 })
    const ids: string[] = []
    const send = async (n: number) => {
      const pipeline = client.pipeline()
      for (let i = 0; i < n; i++) {
        const id = `app-reload:${ids.length}`
        ids.push(id)
        pipeline.xadd(roleStream('shout'), '*', ENVELOPE_FIELD, JSON.stringify({ conversation_id: 'r', message_id: id, payload: { text: 'x' } }))
      }
      await pipeline.exec()
    }
    await send(100)
    project.write('reloaded.mjs', SHOUT_MJS.replace("+ '!'", "+ '?'"))
    const reloading = ok('agents.reload', {})
    await send(100)
    const outcome = await reloading
    expect(outcome).toMatchObject({ roles: ['shout'], restarted: 2 })
    expect(outcome.receivers).toBeGreaterThanOrEqual(1)
    await send(50)
    const texts = async () =>
      Promise.all(ids.map(async (id) => (await client.lrange(resultList(id), 0, -1)).map((item) => (JSON.parse(item) as Envelope).payload.text)))
    await waitFor('every entry answered', async () => (await texts()).every((t) => t.length >= 1), 60_000)
    const all = await texts()
    expect(all.filter((t) => t.length !== 1)).toEqual([])
    expect(all.slice(-50).flat()).toEqual(Array(50).fill('X?'))
    expect(all.slice(0, 10).flat()).toEqual(Array(10).fill('X!'))
    expect(await running(ok, 'shout')()).toBe(2)
  })
})
