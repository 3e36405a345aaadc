import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestRedis } from '../../support/redis'
import { roleStream } from '@shared/keys'
import { AgentRuntime } from '../../../src/main/runtime'
import { createHarness, type Harness } from './harness'
import { waitFor } from '../../support/wait'

let server: Awaited<ReturnType<typeof startTestRedis>>
let runtime: AgentRuntime
let h: Harness

beforeAll(async () => {
  server = await startTestRedis()
  runtime = new AgentRuntime({ redis: { url: server.url }, statsDir: `${server.dataDir}/stats`, heartbeatIntervalSec: 0.5 })
  await runtime.start()
  for (const role of ['manager', 'uppercase', 'reverse']) await runtime.startRole(role)
  h = createHarness(server.url, { statsIntervalMs: 100 })
})
afterAll(async () => {
  await h?.close()
  await runtime?.close()
  await server?.cleanup()
})

describe('the inspector on the running demo pipeline', () => {
  it('injects the demo template, waits for the answer, and traces every hop to the result list', async () => {
    h.inspector.start()
    const [demo] = await h.ok('inject.templates', {})
    const answer = await h.ok('inject.envelope', {
      target: demo?.envelope?.target ?? { kind: 'role', name: 'manager' },
      envelope: { payload: demo?.envelope?.payload ?? {} },
      waitMs: 10_000,
    })
    expect(answer.results[0]?.payload.text).toBe('!DLROW ,OLLEH')

    const [trace] = await h.ok('traces.find', { messageId: answer.messageIds[0] ?? '' })
    expect(trace?.complete).toBe(true)
    expect(trace?.hops.map((hop) => hop.role)).toEqual(['manager', 'uppercase', 'manager', 'reverse', 'manager'])
    const upper = trace?.hops[1]
    expect(upper?.diff).toContainEqual({ op: 'replace', path: '/payload/text', before: 'Hello, world!', after: 'HELLO, WORLD!' })
  })

  it('shows the agents, what they read and what they wrote in the topology', async () => {
    const snapshot = await h.ok('topology.snapshot', {})
    expect(snapshot.agents.filter((a) => a.status !== 'dead').map((a) => a.role).sort()).toEqual(['manager', 'reverse', 'uppercase'])
    const edges = snapshot.graph.edges.map((e) => `${e.kind} ${e.source} ${e.target}`)
    expect(edges).toContain(`reads stream:${roleStream('manager')} role:manager`)
    expect(edges).toContain(`writes role:manager stream:${roleStream('uppercase')}`)
    expect(edges).toContain('writes role:manager list:results')
    expect(snapshot.graph.nodes.find((n) => n.id === 'role:uppercase')?.count).toBe(1)
  })

  it('counts the hops per role in the statistics', async () => {
    await h.ok('inject.envelope', { target: { kind: 'role', name: 'manager' }, envelope: { payload: { text: 'again', stage: 'start' } }, waitMs: 10_000 })
    const point = await waitFor('a stats point with the manager\'s hops', () => h.log.of('stats').find((p) => (p.throughputByRole.manager ?? 0) > 0))
    // Seconds per hop, averaged: a hop takes some time, never none and never minutes.
    expect(point.latencyByRole.manager).toBeGreaterThan(0)
    expect(point.latencyByRole.manager).toBeLessThan(60)
  })
})
