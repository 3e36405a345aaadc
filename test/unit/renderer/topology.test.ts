import { describe, expect, it } from 'vitest'
import type { AgentInfo, TopologySnapshot } from '@shared/api'
import { topologySelectors } from '../../../src/renderer/src/stores/topology-selectors'
import { receiveTopology, useTopologyStore } from '../../../src/renderer/src/stores/topology-store'
import ELK from 'elkjs/lib/elk.bundled.js'
import { layoutGraph, NODE_WIDTH } from '../../../src/renderer/src/views/pipeline/layout-graph'
import { pipelineGroups } from '../../../src/renderer/src/views/pipeline/pipeline-groups'
import { labelPoint } from '../../../src/renderer/src/views/pipeline/edge-label'
import { graphSelectors } from '../../../src/renderer/src/stores/topology-graph-selectors'

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

/** ELK on this thread (Node has no Web Worker); the page runs the same engine in one (elk-in-worker.ts). */
const elk = new ELK()

describe('the pipeline layout (ELK)', () => {
  it('places readers right of what they read, without overlaps, and skips edges to unknown nodes', async () => {
    const { nodes, edges } = snapshot(1, 1).graph
    const groups = pipelineGroups(nodes, edges, new Map([['manager', 'demo']]))
    const layout = await layoutGraph(elk, nodes, edges, groups)
    const x = (id: string) => layout.nodes.get(id)?.x ?? Number.NaN
    expect(x('role:manager')).toBeGreaterThan(x('stream:stream:role:manager'))
    expect(x('role:uppercase')).toBeGreaterThan(x('role:manager'))
    expect(x('role:uppercase') - x('role:manager')).toBeGreaterThanOrEqual(NODE_WIDTH)
    expect(layout.nodes.size).toBe(3)
    expect(layout.edges.has('e3')).toBe(false)
  })

  it('frames each pipeline around its nodes and routes a loop back to where it started', async () => {
    const node = (id: string, kind: 'stream' | 'role' = 'stream') => ({ id, kind, label: id, count: 0, pending: 0 })
    const nodes = [node('s:m'), node('manager', 'role'), node('s:u'), node('upper', 'role'), node('s:x'), node('other', 'role')]
    const edge = (id: string, source: string, target: string) => ({ id, source, target, kind: 'writes' as const, ratePerSec: 0 })
    const edges = [edge('a', 's:m', 'manager'), edge('b', 'manager', 's:u'), edge('c', 's:u', 'upper'), edge('d', 'upper', 's:m'), edge('e', 's:x', 'other')]
    const groups = pipelineGroups(nodes, edges, new Map())
    expect(groups.map((g) => g.nodeIds.length).sort()).toEqual([2, 4])
    const layout = await layoutGraph(elk, nodes, edges, groups)
    for (const frame of layout.groups) {
      for (const id of frame.nodeIds) {
        const box = layout.nodes.get(id)!
        expect(box.x).toBeGreaterThanOrEqual(frame.x)
        expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width)
        expect(box.y).toBeGreaterThanOrEqual(frame.y)
      }
    }
    // The cycle has one back edge (right to left): it gets a route of its own, from a side of its source to a side of its target.
    const box = (id: string) => layout.nodes.get(id)!
    const back = edges.filter((e) => box(e.target).x < box(e.source).x)
    expect(back).toHaveLength(1)
    const route = layout.edges.get(back[0]!.id)!
    expect(route.length).toBeGreaterThanOrEqual(4)
    const source = box(back[0]!.source)
    expect([source.x, source.x + NODE_WIDTH].some((x) => Math.abs(route[0]!.x - x) < 1)).toBe(true)
    const target = box(back[0]!.target)
    expect([target.x, target.x + NODE_WIDTH].some((x) => Math.abs(route.at(-1)!.x - x) < 1)).toBe(true)
    expect(layout.labels.has(back[0]!.id)).toBe(true)
  })

  it('lays out a large graph', async () => {
    const nodes = Array.from({ length: 120 }, (_, i) => ({ id: `n${i}`, kind: 'stream' as const, label: `n${i}`, count: 0, pending: 0 }))
    const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: `n${i}`, target: n.id, kind: 'writes' as const, ratePerSec: 0 }))
    expect((await layoutGraph(elk, nodes, edges, [])).nodes.size).toBe(120)
  })
})

describe('pipeline groups', () => {
  it('keeps hubs (external, result lists) out, so two pipelines stay two, named from the role catalog', () => {
    const n = (id: string, kind: 'stream' | 'role' | 'external' | 'list') => ({ id, kind, label: id.split(':')[1] ?? id, count: 0, pending: 0 })
    const nodes = [n('external:external', 'external'), n('list:results', 'list'), n('role:manager', 'role'), n('role:coordinator', 'role'), n('stream:a', 'stream'), n('stream:b', 'stream')]
    const e = (source: string, target: string) => ({ id: `${source}>${target}`, source, target, kind: 'writes' as const, ratePerSec: 0 })
    const edges = [e('external:external', 'stream:a'), e('external:external', 'stream:b'), e('stream:a', 'role:manager'), e('stream:b', 'role:coordinator'), e('role:manager', 'list:results'), e('role:coordinator', 'list:results')]
    const groups = pipelineGroups(nodes, edges, new Map([['manager', 'demo'], ['coordinator', 'doc-review']]))
    expect(groups.map((g) => [g.label, g.nodeIds])).toEqual([
      ['demo', ['role:manager', 'stream:a']],
      ['doc-review', ['role:coordinator', 'stream:b']],
    ])
  })

  it('keeps the roles of one catalog pipeline together before any traffic joins them', () => {
    const n = (id: string, kind: 'stream' | 'role') => ({ id, kind, label: id.split(':')[1] ?? id, count: 0, pending: 0 })
    const nodes = [n('role:manager', 'role'), n('role:upper', 'role'), n('stream:m', 'stream'), n('stream:u', 'stream')]
    const e = (source: string, target: string) => ({ id: `${source}>${target}`, source, target, kind: 'reads' as const, ratePerSec: 0 })
    const groups = pipelineGroups(nodes, [e('stream:m', 'role:manager'), e('stream:u', 'role:upper')], new Map([['manager', 'demo'], ['upper', 'demo']]))
    expect(groups.map((g) => [g.label, g.nodeIds.length])).toEqual([['demo', 4]])
  })
})

describe('graph words and colours', () => {
  const agent = (agentId: string, role: string, status: AgentInfo['status']): AgentInfo => ({ agentId, role, status, host: 'vm', pid: 1, local: false, runs: 0, avgTimeSec: 0, lastHeartbeatTs: 0, startedTs: 0 })
  it('calls a role down with none running, degraded with some dead, and counts only running ones', () => {
    expect(graphSelectors.roleHealth([agent('a', 'upper', 'stopped'), agent('b', 'upper', 'stopped')], 'upper')).toBe('down')
    expect(graphSelectors.roleHealth([agent('a', 'upper', 'idle'), agent('b', 'upper', 'dead')], 'upper')).toBe('degraded')
    expect(graphSelectors.roleHealth([agent('a', 'upper', 'busy'), agent('b', 'upper', 'stopped')], 'upper')).toBe('ok')
    const role = { id: 'role:upper', kind: 'role' as const, label: 'upper', count: 5, pending: 0 }
    expect(graphSelectors.nodeFigure(role, [agent('a', 'upper', 'idle'), agent('b', 'upper', 'stopped'), agent('c', 'upper', 'dead')])).toBe('1 running · 1 dead')
    // The model's own counts win when it gives them.
    expect(graphSelectors.roleHealth([], 'upper', { ...role, health: 'degraded' })).toBe('degraded')
  })

  it('shows 0/s for idle edges and colours group edges by the worse of lag and pending', () => {
    expect(graphSelectors.rateText(0)).toBe('0/s')
    expect(graphSelectors.rateText(0.04)).toBe('0.0/s')
    expect(graphSelectors.rateText(250.4)).toBe('250/s')
    const t = { lagWarn: 10, lagBad: 100, pendingWarn: 5, pendingBad: 50 }
    const edge = { id: 'r', source: 's', target: 'r', kind: 'reads' as const, ratePerSec: 0, group: 'g', lag: 3, pending: 0 }
    expect(graphSelectors.edgeLevel(edge, t)).toBe('ok')
    expect(graphSelectors.edgeLevel({ ...edge, lag: 10 }, t)).toBe('warn')
    expect(graphSelectors.edgeLevel({ ...edge, pending: 60 }, t)).toBe('bad')
    expect(graphSelectors.edgeLevel({ ...edge, lag: null }, t)).toBe('ok')
    expect(graphSelectors.groupText(edge)).toBe('lag 3 · 0 pending')
    expect(graphSelectors.groupText({ ...edge, lag: null })).toBe('lag ? · 0 pending')
    expect(graphSelectors.plural(1, 'result list')).toBe('1 result list')
  })

  it('puts an edge label on its route, never off in a corner', () => {
    const route = [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 300 }]
    expect(labelPoint(route, { x: 50, y: 10 })).toEqual({ x: 50, y: 10 })
    expect(labelPoint(route, { x: 900, y: 900 })).toEqual({ x: 100, y: 150 })
  })
})
