import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ClusterNodes, TopologySnapshot } from '@shared/api'
import { unwrap } from '@shared/result'
import { AppSession } from '../../../src/main/app/app-session'
import { createSessionDispatcher } from '../../../src/main/app/control-handlers'
import { noSecretStore } from '../../../src/main/app/secret-store'
import { startTestCluster, type TestCluster } from '../../support/redis-cluster'
import { waitFor } from '../../support/wait'

let cluster: TestCluster
let dataDir: string
const sessions: AppSession[] = []

beforeAll(async () => {
  cluster = await startTestCluster()
  dataDir = mkdtempSync(join(tmpdir(), 'switchyard-cluster-app-'))
}, 120_000)

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()))
})

afterAll(async () => {
  await cluster?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

function open(env: NodeJS.ProcessEnv) {
  const session = new AppSession({ dataDir, secrets: noSecretStore, env: { SWITCHYARD_AGENTS: 'none', ...env } })
  sessions.push(session)
  const dispatch = createSessionDispatcher(session)
  return { session, nodes: async () => unwrap(await dispatch('connection.nodes', {})) as ClusterNodes, dispatch }
}

const ports = (): number[] => cluster.nodes.map((n) => n.port)

describe('the app on a Redis Cluster', () => {
  it('connects through redis+cluster:// and lists every node: masters with their slots, replicas with the master they follow', async () => {
    const { session, nodes } = open({ REDIS_URL: cluster.url })
    await session.start()
    await waitFor('connected', () => session.status().state === 'connected')
    expect(session.status()).toMatchObject({ cluster: true, target: expect.stringMatching(/^redis\+cluster:\/\//) })
    const answer = await nodes()
    expect(answer.cluster).toBe(true)
    expect(answer.nodes.map((n) => Number(n.address.split(':')[1])).sort()).toEqual(ports().sort())
    const masters = answer.nodes.filter((n) => n.role === 'master')
    const replicas = answer.nodes.filter((n) => n.role === 'replica')
    expect(masters).toHaveLength(3)
    expect(replicas).toHaveLength(3)
    // The masters' ranges cover every slot exactly once.
    const ranges = masters.flatMap((m) => m.slots).sort((a, b) => a[0] - b[0])
    expect(ranges[0]?.[0]).toBe(0)
    expect(ranges.at(-1)?.[1]).toBe(16_383)
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBe(ranges[i - 1]![1] + 1)
    for (const replica of replicas) {
      expect(masters.map((m) => m.address)).toContain(replica.replicaOf)
      expect(replica.slots).toEqual([])
    }
    expect(answer.nodes.every((n) => n.reachable)).toBe(true)
  })

  it('detects a Cluster behind a plain redis:// URL, and its topology lists the streams of every master', async () => {
    const seed = cluster.nodes[0]!
    const { session, nodes, dispatch } = open({ REDIS_URL: `redis://127.0.0.1:${seed.port}` })
    await session.start()
    await waitFor('the detected Cluster connected', () => session.status().cluster === true && session.status().state === 'connected')
    expect(session.status().target).toBe(`redis+cluster://127.0.0.1:${seed.port}`)
    expect((await nodes()).nodes).toHaveLength(6)
    const admin = cluster.client()
    const keys: string[] = []
    try {
      for (let i = 0; new Set(await Promise.all(keys.map(async (k) => (await cluster.masterOf(k)).port))).size < 3; i++) {
        keys.push(`stream:app-cluster:${i}`)
        await admin.xadd(keys.at(-1)!, '*', 'n', String(i))
      }
    } finally {
      await admin.quit()
    }
    const snapshot = unwrap(await dispatch('topology.snapshot', {})) as TopologySnapshot
    for (const key of keys) expect(snapshot.streams.map((s) => s.key)).toContain(key)
  })

  it('a killed master shows as unreachable, its replica takes over its slots, and the topology still lists its streams', async () => {
    const { session, nodes, dispatch } = open({ REDIS_URL: cluster.url })
    await session.start()
    await waitFor('connected', () => session.status().state === 'connected')
    const victim = await cluster.masterOf('stream:role:uppercase')
    const before = (await nodes()).nodes.find((n) => n.address.endsWith(`:${victim.port}`))!
    const admin = cluster.client()
    await admin.xadd('stream:role:uppercase', '*', 'n', 'survives the failover')
    await admin.quit()
    await cluster.failOver(victim)
    // The promoted replica is scanned at once (the slot table read again): the killed master's stream is still listed.
    const snapshot = unwrap(await dispatch('topology.snapshot', {})) as TopologySnapshot
    expect(snapshot.streams.map((s) => s.key)).toContain('stream:role:uppercase')
    const after = await waitFor('the failed master reported', async () => {
      const answer = await nodes()
      const dead = answer.nodes.find((n) => n.address.endsWith(`:${victim.port}`))
      return dead && !dead.reachable && answer
    })
    const promoted = after.nodes.filter((n) => n.role === 'master' && n.reachable)
    expect(promoted).toHaveLength(3)
    expect(promoted.some((m) => JSON.stringify(m.slots) === JSON.stringify(before.slots))).toBe(true)
  })
})
