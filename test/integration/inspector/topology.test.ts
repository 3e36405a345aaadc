import { describe, expect, it } from 'vitest'
import { AGENT_REGISTRY, JOURNAL_STREAM, roleGroup, roleStream } from '@shared/keys'
import type { AgentHeartbeat } from '@shared/records'
import { TopologyReader } from '../../../src/main/inspector/topology/topology-reader'
import { useHarness } from './harness'
import { letTimePass, waitFor } from '../../support/wait'

const { h } = useHarness({ topologyIntervalMs: 50 })

describe('topology', () => {
  it('shows a group made with redis-cli commands on a stream the runtime never touched, with pending and lag', async () => {
    const cli = h.client()
    for (let i = 0; i < 5; i++) await cli.xadd('legacy:events', '*', 'n', String(i))
    await cli.xgroup('CREATE', 'legacy:events', 'go-workers', '0')
    await cli.xreadgroup('GROUP', 'go-workers', 'w1', 'COUNT', 2, 'STREAMS', 'legacy:events', '>')
    await cli.set('not-a-stream', 'x')

    const snapshot = await h.ok('topology.snapshot', {})
    expect(snapshot.streams.map((s) => s.key)).toEqual(['legacy:events'])
    const [stream] = snapshot.streams
    expect(stream?.length).toBe(5)
    expect(snapshot.truncated).toBe(false)
    expect(stream?.memoryBytes).toBeGreaterThan(0)
    expect(stream?.firstId).not.toBeNull()
    expect(stream?.groups).toEqual([
      {
        name: 'go-workers', pending: 2, lag: 3, entriesRead: 2, lastDeliveredId: expect.any(String),
        consumers: [{ name: 'w1', pending: 2, idleMs: expect.any(Number), inactiveMs: null }],
      },
    ])
    const edge = snapshot.graph.edges.find((e) => e.kind === 'reads' && e.source === 'stream:legacy:events')
    // Its consumer sends no heartbeat: it is an agent "seen as consumer", and the group's reader is its role.
    expect(edge).toMatchObject({ target: 'role:go-workers', group: 'go-workers', lag: 3, pending: 2 })
    expect(snapshot.agents).toContainEqual(
      expect.objectContaining({ agentId: 'w1', role: 'go-workers', source: 'consumer', idleMs: expect.any(Number), consumerOf: { stream: 'legacy:events', group: 'go-workers' } }),
    )
    expect(snapshot.graph.nodes.find((n) => n.id === 'stream:legacy:events')).toMatchObject({ count: 5, pending: 2 })
  })

  it('shows agents from heartbeats (a stopped heartbeat is dead), role read edges and journal write edges', async () => {
    const now = Date.now() / 1000
    const beat = (id: string, role: string, ts: number): AgentHeartbeat => ({
      agent_id: id, role, host: 'h', pid: 1, status: 'idle', busy: false, runs: 3, avg_time: 0.1, started_ts: ts - 10, ts, interval: 1,
    })
    await h.redis.hset(AGENT_REGISTRY, 'up-1', JSON.stringify(beat('up-1', 'uppercase', now)), 'up-2', JSON.stringify(beat('up-2', 'uppercase', now - 60)))
    await h.redis.xgroup('CREATE', roleStream('uppercase'), roleGroup('uppercase'), '$', 'MKSTREAM')
    await h.redis.xgroup('CREATE', roleStream('manager'), roleGroup('manager'), '$', 'MKSTREAM')
    await h.redis.xadd(JOURNAL_STREAM, '*', 'role', 'uppercase', 'destination', roleStream('manager'), 'message_id', 'm')

    const snapshot = await h.ok('topology.snapshot', {})
    expect(snapshot.agents.filter((a) => a.source !== 'consumer').map((a) => [a.agentId, a.status])).toEqual([['up-1', 'idle'], ['up-2', 'dead']])
    expect(snapshot.graph.nodes.find((n) => n.id === 'role:uppercase')).toMatchObject({ kind: 'role', count: 1, dead: 1, health: 'degraded' })
    const edges = snapshot.graph.edges.map((e) => `${e.kind} ${e.source} ${e.target}`)
    expect(edges).toContain('reads stream:stream:role:uppercase role:uppercase')
    expect(edges).toContain('writes role:uppercase stream:stream:role:manager')
    // The journal itself is internal: listed as a stream, kept out of the graph.
    expect(snapshot.streams.map((s) => s.key)).toContain(JOURNAL_STREAM)
    expect(snapshot.graph.nodes.some((n) => n.label === JOURNAL_STREAM)).toBe(false)
  })

  it('reports entries per second from the previous snapshot', async () => {
    const reader = new TopologyReader(h.redis)
    await reader.snapshot()
    await h.ok('streams.add', { stream: 'legacy:events', fields: { n: 'more' }, copies: 50 })
    const next = await waitFor('a later snapshot', async () => {
      const s = await reader.snapshot()
      return s.streams.find((x) => x.key === 'legacy:events')
    })
    expect(next.ratePerSec).toBeGreaterThan(0)
  })

  it('marks the snapshot truncated beyond its stream bound', async () => {
    const pipe = h.redis.pipeline()
    for (let i = 0; i < 30; i++) pipe.xadd(`many:${i}`, '*', 'a', '1')
    await pipe.exec()
    const bounded = await new TopologyReader(h.redis, 10).snapshot()
    expect(bounded.truncated).toBe(true)
    expect(bounded.streams).toHaveLength(10)
    expect((await h.ok('topology.snapshot', {})).truncated).toBe(false)
  })

  it('pushes topology events while started, and stops pushing after close', async () => {
    h.inspector.start()
    const pushed = await waitFor('a topology push', () => h.log.of('topology').at(-1))
    expect(pushed.streams.length).toBeGreaterThan(0)
    // Unchanged topology is not pushed again at every tick (50 ms here).
    const count = h.log.of('topology').length
    await letTimePass(400) // an idle window of eight ticks
    expect(h.log.of('topology').length - count).toBeLessThanOrEqual(1)
    await h.redis.xadd('legacy:events', '*', 'n', 'change')
    await waitFor('a push after a change', () => h.log.of('topology').length > count)
    await h.inspector.close()
    const final = h.log.of('topology').length
    await letTimePass(200) // an idle window: four ticks that would each have pushed
    expect(h.log.of('topology').length).toBe(final)
  })
})
