import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Cluster } from 'ioredis'
import { AgentRuntime } from '../../../src/main/runtime'
import { startTestCluster, type TestCluster } from '../../support/redis-cluster'
import { waitFor } from '../../support/wait'
import { createHarnessOn, type Harness } from './harness'

let cluster: TestCluster
let runtime: AgentRuntime
let h: Harness<Cluster>
let statsDir: string

beforeAll(async () => {
  cluster = await startTestCluster()
  statsDir = mkdtempSync(join(tmpdir(), 'switchyard-cluster-trace-'))
  runtime = new AgentRuntime({ redis: { url: cluster.url }, statsDir })
  await runtime.start()
  for (const role of ['manager', 'uppercase', 'reverse']) await runtime.startRole(role)
  h = createHarnessOn(() => cluster.client())
}, 120_000)

afterAll(async () => {
  await h?.close()
  await runtime?.close()
  await cluster?.stop()
  rmSync(statsDir, { recursive: true, force: true })
})

describe('traces on a Redis Cluster, with the demo agents running on it', () => {
  it('reads the trace of a request whose hops wrote streams on several masters', async () => {
    const owners = new Set(await Promise.all(['manager', 'uppercase', 'reverse'].map(async (r) => (await cluster.masterOf(`stream:role:${r}`)).port)))
    expect(owners.size).toBeGreaterThan(1)
    const result = await runtime.request('conv-cluster-trace', 'Hello, world!', { timeoutMs: 20_000 })
    expect(result.payload.text).toBe('!DLROW ,OLLEH')
    const [trace] = await h.ok('traces.find', { messageId: result.message_id })
    expect(trace?.complete).toBe(true)
    expect(trace?.hops.map((hop) => hop.role)).toEqual(expect.arrayContaining(['manager', 'uppercase', 'reverse']))
    expect(trace?.hops.at(-1)?.envelope.payload.text).toBe('!DLROW ,OLLEH')
    const byConversation = await h.ok('traces.find', { conversationId: 'conv-cluster-trace' })
    expect(byConversation.map((t) => t.messageId)).toContain(result.message_id)
  })

  it('draws the demo roles and the journal-learned edges between them in the topology', async () => {
    await runtime.request('conv-cluster-graph', 'graph', { timeoutMs: 20_000 })
    const snapshot = await waitFor('the demo roles in the graph', async () => {
      const s = await h.ok('topology.snapshot', {})
      const ids = s.graph.nodes.map((n) => n.id)
      return ['role:manager', 'role:uppercase', 'role:reverse'].every((id) => ids.includes(id)) && s
    })
    expect(snapshot.agents.filter((a) => ['manager', 'uppercase', 'reverse'].includes(a.role)).length).toBeGreaterThanOrEqual(3)
    const edges = snapshot.graph.edges.map((e) => e.id)
    expect(edges).toContain('reads:stream:stream:role:uppercase->role:uppercase')
  })
})
