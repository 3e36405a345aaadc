import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { TopologySnapshot } from '@shared/api'
import { AUDIT_STREAM, roleGroup, roleStream } from '@shared/keys'
import { AppSession } from '../../../src/main/app/app-session'
import { createSessionDispatcher } from '../../../src/main/app/control-handlers'
import { noSecretStore } from '../../../src/main/app/secret-store'
import { AgentRuntime } from '../../../src/main/runtime'
import { startTestRedis, type TestRedis } from '../../support/redis'
import { waitFor } from '../../support/wait'
import { ACL_PROFILES, type AclProfile } from './acl-profiles'

const PASSWORD = 'acl-test-pw'
const STREAM = roleStream('uppercase')
const GROUP = roleGroup('uppercase')

describe('least privilege: the README ACL profiles against a real Redis', () => {
  let redis: TestRedis
  let admin: Redis
  let dataDir: string
  const sessions: AppSession[] = []
  const urlOf = (user: string): string => `redis://${user}:${PASSWORD}@127.0.0.1:${redis.port}/0`

  /** Two entries pending on consumer c1 of the uppercase group. */
  async function pendingIds(): Promise<string[]> {
    await admin.xgroup('CREATE', STREAM, GROUP, '$', 'MKSTREAM').catch(() => undefined)
    await admin.xadd(STREAM, '*', 'n', '1')
    await admin.xadd(STREAM, '*', 'n', '2')
    const read = (await admin.xreadgroup('GROUP', GROUP, 'c1', 'COUNT', 2, 'STREAMS', STREAM, '>')) as Array<[string, Array<[string, string[]]>]>
    return read[0]![1].map(([id]) => id)
  }
  const pendingCount = async (): Promise<number> => ((await admin.xpending(STREAM, GROUP)) as [number])[0]

  async function sessionAs(profile: AclProfile | 'acker'): Promise<{ session: AppSession; dispatch: ReturnType<typeof createSessionDispatcher> }> {
    const session = new AppSession({ dataDir, secrets: noSecretStore, env: { REDIS_URL: urlOf(profile), SWITCHYARD_AGENTS: 'none' } })
    sessions.push(session)
    await session.start()
    await waitFor(`${profile} connected`, () => session.status().state === 'connected', 20_000)
    return { session, dispatch: createSessionDispatcher(session) }
  }

  beforeAll(async () => {
    redis = await startTestRedis()
    admin = new Redis(redis.url)
    for (const [name, rules] of Object.entries(ACL_PROFILES)) {
      await admin.call('ACL', 'SETUSER', name, 'reset', 'on', `>${PASSWORD}`, ...rules.split(' '))
    }
    // The operator who may ack but not write the audit stream.
    await admin.call('ACL', 'SETUSER', 'acker', 'reset', 'on', `>${PASSWORD}`, '~stream:*', '-@all', '+@read', '+ping', '+xack', '+xclaim', '+info')
    dataDir = mkdtempSync(join(tmpdir(), 'switchyard-acl-'))
  })
  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.close()
  })
  afterAll(async () => {
    admin?.disconnect()
    await redis?.cleanup()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('observer: "connected, read-only"; the topology reads; an ack is refused as no_permission and nothing changes', async () => {
    const ids = await pendingIds()
    const { session, dispatch } = await sessionAs('observer')
    await waitFor('read-only on the status', () => session.status().readOnly === true)
    const topology = await dispatch('topology.snapshot', {})
    expect(topology.ok).toBe(true)
    const before = await pendingCount()
    const ack = await dispatch('pending.ack', { stream: STREAM, group: GROUP, ids })
    expect(ack).toEqual({ ok: false, error: { code: 'no_permission', message: expect.stringMatching(/may not run XACK.*\+xack/) } })
    expect(await pendingCount()).toBe(before)
  })

  it('operator: an ack runs and its audit record is written; the status is plain "connected"', async () => {
    const ids = await pendingIds()
    const { session, dispatch } = await sessionAs('operator')
    const before = await pendingCount()
    const ack = await dispatch('pending.ack', { stream: STREAM, group: GROUP, ids })
    expect(ack.ok).toBe(true)
    expect(await pendingCount()).toBe(before - 2)
    const audit = await admin.xrevrange(AUDIT_STREAM, '+', '-', 'COUNT', 1)
    expect(audit[0]?.[1].join(' ')).toContain(ids[0])
    expect(session.status().readOnly).toBe(false)
  })

  it('an ack that ran but whose audit write was refused says exactly that', async () => {
    const ids = await pendingIds()
    const { dispatch } = await sessionAs('acker')
    const before = await pendingCount()
    const ack = await dispatch('pending.ack', { stream: STREAM, group: GROUP, ids })
    expect(ack).toEqual({
      ok: false,
      error: { code: 'audit_failed', message: expect.stringMatching(/ran .*but its audit record was not written: the Redis user may not (run XADD|access switchyard:audit)/) },
    })
    expect(await pendingCount()).toBe(before - 2) // it ran
  })

  it('a user limited to ~stream:* still gets a topology: the keys it may read are there', async () => {
    await pendingIds()
    const { dispatch } = await sessionAs('acker')
    const topology = await dispatch('topology.snapshot', {})
    if (!topology.ok) throw new Error(`topology failed: ${topology.error.code}: ${topology.error.message}`)
    const snapshot = topology.value as TopologySnapshot
    expect(snapshot.streams.map((s) => s.key)).toContain(STREAM)
    expect(snapshot.unreadable).toEqual(
      expect.arrayContaining([expect.stringMatching(/may not access switchyard:agents/), expect.stringMatching(/may not access switchyard:journal/)]),
    )
  })

  it('worker: runs the demo pipeline; may not flush the database', async () => {
    const runtime = new AgentRuntime({ redis: { url: urlOf('worker') }, statsDir: join(dataDir, 'stats') })
    try {
      await runtime.start()
      for (const role of ['manager', 'uppercase', 'reverse']) await runtime.startRole(role)
      const result = await runtime.request('conv-acl', 'Hello, world!', { timeoutMs: 15_000 })
      expect(result.payload.text).toBe('!DLROW ,OLLEH')
      await expect(runtime.commandClient().flushall()).rejects.toThrow(/NOPERM/)
    } finally {
      await runtime.close()
    }
  })

  it('observer as a worker: the runtime starts, names the missing right of each refused role, and runs nothing', async () => {
    const session = new AppSession({ dataDir, secrets: noSecretStore, env: { REDIS_URL: urlOf('observer'), SWITCHYARD_AGENTS: 'uppercase' } })
    sessions.push(session)
    await session.start()
    const status = await waitFor('the refused role named', () => /agents not started: uppercase: the Redis user may not/.test(session.status().error ?? '') && session.status())
    expect(status.state).toBe('connected')
    expect(session.runtime()?.localAgents().filter((a) => a.status !== 'stopped')).toEqual([])
  })
})
