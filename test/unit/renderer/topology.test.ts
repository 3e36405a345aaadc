import { describe, expect, it } from 'vitest'
import type { TopologySnapshot } from '../../../src/shared/api'
import { topologySelectors } from '../../../src/renderer/src/stores/topology-selectors'
import { receiveTopology, useTopologyStore } from '../../../src/renderer/src/stores/topology-store'
import { layoutGraph, NODE_WIDTH } from '../../../src/renderer/src/views/pipeline/layout-graph'

function snapshot(ts: number, managerLength: number): TopologySnapshot {
  return {
    ts,
    streamCount: 2,
    truncated: false,
    agents: [],
    streams: [
      {
        key: 'stream:role:manager',
        length: managerLength,
        firstId: null,
        lastId: null,
        memoryBytes: null,
        ratePerSec: 0,
        groups: [
          {
            name: 'cg:role:manager',
            pending: 2,
            lastDeliveredId: '0-0',
            entriesRead: 0,
            lag: 0,
            consumers: [{ name: 'manager-1', pending: 2, idleMs: 10, inactiveMs: null }],
          },
        ],
      },
      { key: 'doc.review.tasks', length: 0, firstId: null, lastId: null, memoryBytes: null, ratePerSec: 0, groups: [] },
    ],
    graph: {
      nodes: [
        { id: 'role:manager', kind: 'role', label: 'manager', count: 1, pending: 0 },
        { id: 'stream:stream:role:manager', kind: 'stream', label: 'stream:role:manager', count: managerLength, pending: 2 },
        { id: 'role:uppercase', kind: 'role', label: 'uppercase', count: 1, pending: 0 },
      ],
      edges: [
        { id: 'e1', source: 'stream:stream:role:manager', target: 'role:manager', kind: 'reads', ratePerSec: 1 },
        { id: 'e2', source: 'role:manager', target: 'role:uppercase', kind: 'writes', ratePerSec: 1 },
        { id: 'e3', source: 'role:manager', target: 'nowhere', kind: 'writes', ratePerSec: 0 },
      ],
    },
  }
}

describe('the topology store', () => {
  it('keeps only the newest snapshot, even when an older one arrives late', () => {
    receiveTopology(snapshot(2, 10))
    receiveTopology(snapshot(1, 5))
    expect(topologySelectors.stream(useTopologyStore.getState(), 'stream:role:manager')?.length).toBe(10)
  })

  it('lists streams with groups, their groups and consumers for the pending view', () => {
    receiveTopology(snapshot(3, 10))
    const s = useTopologyStore.getState()
    expect(topologySelectors.streamKeys(s)).toEqual(['doc.review.tasks', 'stream:role:manager'])
    expect(topologySelectors.streamsWithGroups(s)).toEqual(['stream:role:manager'])
    expect(topologySelectors.groupNamesOf(s, 'stream:role:manager')).toEqual(['cg:role:manager'])
    expect(topologySelectors.consumersOf(s, 'stream:role:manager', 'cg:role:manager')[0]?.name).toBe('manager-1')
    expect(topologySelectors.consumersOf(s, 'nope', 'x')).toEqual([])
  })

  it('changes the layout key when nodes come or go, not when counts change', () => {
    receiveTopology(snapshot(4, 10))
    const before = topologySelectors.structureKey(useTopologyStore.getState())
    receiveTopology(snapshot(5, 99))
    expect(topologySelectors.structureKey(useTopologyStore.getState())).toBe(before)
    const grown = snapshot(6, 99)
    grown.graph.nodes.push({ id: 'role:reverse', kind: 'role', label: 'reverse', count: 0, pending: 0 })
    receiveTopology(grown)
    expect(topologySelectors.structureKey(useTopologyStore.getState())).not.toBe(before)
  })

  it('finds the stream behind a graph node', () => {
    receiveTopology(snapshot(7, 1))
    const s = useTopologyStore.getState()
    const [role, stream] = topologySelectors.nodes(s)
    expect(topologySelectors.streamKeyOfNode(s, stream!)).toBe('stream:role:manager')
    expect(topologySelectors.streamKeyOfNode(s, role!)).toBeNull()
  })
})

describe('the pipeline layout', () => {
  it('places readers right of what they read, without overlaps, and skips edges to unknown nodes', () => {
    const { nodes, edges } = snapshot(1, 1).graph
    const positions = layoutGraph(nodes, edges)
    const x = (id: string) => positions.get(id)?.x ?? Number.NaN
    expect(x('role:manager')).toBeGreaterThan(x('stream:stream:role:manager'))
    expect(x('role:uppercase')).toBeGreaterThan(x('role:manager'))
    expect(x('role:uppercase') - x('role:manager')).toBeGreaterThanOrEqual(NODE_WIDTH)
    expect(positions.size).toBe(3)
  })

  // A generous ceiling only a real regression (a quadratic layout) crosses on a loaded machine; speed itself is benched.
  it('lays out a large graph without stalling', () => {
    const nodes = Array.from({ length: 300 }, (_, i) => ({ id: `n${i}`, kind: 'stream' as const, label: `n${i}`, count: 0, pending: 0 }))
    const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: `n${i}`, target: n.id, kind: 'writes' as const, ratePerSec: 0 }))
    const started = performance.now()
    expect(layoutGraph(nodes, edges).size).toBe(300)
    expect(performance.now() - started).toBeLessThan(15_000)
  })
})
