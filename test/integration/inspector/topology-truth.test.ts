import { describe, expect, it } from 'vitest'
import type { Envelope } from '@shared/envelope'
import type { TopologySnapshot } from '@shared/api'
import { BaseAgent, awaitResult, sendEnvelope } from '../../../src/main/runtime'
import { TopologyReader } from '../../../src/main/inspector/topology/topology-reader'
import { useRuntime } from '../runtime/runtime-fixture'
import { waitFor } from '../../support/wait'

/** A pipeline the seeds do not name, with a loop: clarify → quality_control → clarify (once) → result. */
class ClarifyAgent extends BaseAgent {
  process(env: Envelope): Envelope {
    env.payload.clarified = true
    env.target_role = 'quality_control'
    return env
  }
}
class QualityControlAgent extends BaseAgent {
  process(env: Envelope): Envelope {
    const retries = Number(env.payload.retry_count ?? 0)
    if (retries < 1) {
      env.payload.retry_count = retries + 1
      env.target_role = 'clarify' // weak answer: back to an earlier role
    } else {
      env.target_list = env.result_list
    }
    return env
  }
}

const edges = (s: TopologySnapshot): string[] => s.graph.edges.map((e) => `${e.kind} ${e.source} > ${e.target}`)

describe('the graph from observed traffic', () => {
  const { runtime, client, server } = useRuntime({ heartbeatIntervalSec: 0.3 })

  it('draws the demo and a loop pipeline from traffic, with rates that fall to 0 when idle and no agent-stream nodes', async () => {
    await runtime.startAgent(new ClarifyAgent())
    await runtime.startAgent(new QualityControlAgent())
    const live = new TopologyReader(client)
    await live.snapshot('live')
    const waiter = client.duplicate()
    for (let i = 0; i < 10; i++) {
      const { envelope } = await sendEnvelope(client, { kind: 'role', name: 'clarify' }, { conversation_id: `loop-${i}`, payload: {} })
      expect((await awaitResult(waiter, envelope.result_list, 15_000))?.payload.retry_count).toBe(1)
      await runtime.request(`demo-${i}`, 'abc', { timeoutMs: 15_000 })
    }
    waiter.disconnect()

    const busy = await waitFor('write edges with a rate', async () => {
      const s = await live.snapshot('live')
      return s.graph.edges.some((e) => e.kind === 'writes' && e.ratePerSec > 0) ? s : null
    }, 15_000)
    expect(edges(busy)).toEqual(expect.arrayContaining([
      'writes external:external > stream:stream:role:manager',
      'writes role:manager > stream:stream:role:uppercase',
      'writes role:uppercase > stream:stream:role:manager',
      'writes role:manager > stream:stream:role:reverse',
      'writes role:reverse > stream:stream:role:manager',
      'writes role:manager > list:results',
      'writes external:external > stream:stream:role:clarify',
      'writes role:clarify > stream:stream:role:quality_control',
      'writes role:quality_control > stream:stream:role:clarify',
      'writes role:quality_control > list:results',
      'reads stream:stream:role:quality_control > role:quality_control',
    ]))
    expect(busy.graph.nodes.some((n) => n.label.startsWith('stream:agent:'))).toBe(false)
    const group = busy.graph.edges.find((e) => e.id === 'reads:stream:stream:role:manager->role:manager')
    expect(group).toMatchObject({ group: 'cg:role:manager', lag: expect.any(Number), pending: expect.any(Number) })
    // Every result was taken by its caller (BRPOP): no result list is left to count.
    expect(busy.graph.nodes.find((n) => n.id === 'list:results')).toMatchObject({ count: 0, countEstimated: false })

    // Idle: every rate comes back to 0, from the counters, without traffic.
    const idle = await waitFor('all rates at 0 when idle', async () => {
      const s = await live.snapshot('live')
      return s.graph.edges.every((e) => e.ratePerSec === 0) ? s : null
    }, 20_000)
    expect(idle.graph.edges.length).toBe(busy.graph.edges.length)
  })

  it('counts running instances only and flags a role with none running', async () => {
    const reader = new TopologyReader(client)
    const before = await reader.snapshot()
    expect(before.graph.nodes.find((n) => n.id === 'role:reverse')).toMatchObject({ count: 1, health: 'ok' })
    await runtime.stopRole('reverse')
    const after = await waitFor('reverse shown down', async () => {
      const node = (await reader.snapshot()).graph.nodes.find((n) => n.id === 'role:reverse')
      return node?.health === 'down' ? node : null
    }, 15_000)
    expect(after).toMatchObject({ count: 0, running: 0 })
    expect(server.url).toContain('127.0.0.1')
    // Results nobody took yet are counted (exactly, while the SCAN finishes within its cap).
    for (let i = 0; i < 3; i++) await client.lpush(`result:left-${i}`, '{}')
    const counted = (await reader.snapshot()).graph.nodes.find((n) => n.id === 'list:results')
    expect(counted).toMatchObject({ count: 3, countEstimated: false })
  })

  it('draws the document-review pipeline (flat fields, no journal) from who reads which group and the outputs agents report', async () => {
    for (const role of ['coordinator', 'grammar', 'aggregator']) await runtime.startRole(role)
    await client.xadd('doc.review.tasks', '*', 'doc_id', 'd1', 'chunk_id', 'c1', 'text', 'Some text.')
    await waitFor('a summary', async () => (await client.xlen('doc.review.summary')) > 0, 15_000)
    const reader = new TopologyReader(client)
    const snapshot = await waitFor('the flat write edges', async () => {
      const s = await reader.snapshot()
      return edges(s).includes('writes role:grammar > stream:doc.suggestions.grammar') ? s : null
    }, 15_000)
    expect(edges(snapshot)).toEqual(expect.arrayContaining([
      'writes external:external > stream:doc.review.tasks',
      'reads stream:doc.review.tasks > role:coordinator',
      'writes role:coordinator > stream:doc.review.grammar',
      'reads stream:doc.review.grammar > role:grammar',
      'reads stream:doc.suggestions.grammar > role:aggregator',
      'writes role:aggregator > stream:doc.review.summary',
    ]))
  })
})
