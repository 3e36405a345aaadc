import { describe, expect, it } from 'vitest'
import type { AgentInfo, StreamInfo } from '../../../src/shared/api'
import { buildGraph, RESULTS_NODE_ID } from '../../../src/main/inspector/topology/build-graph'
import { readerOfGroup } from '../../../src/main/inspector/topology/known-flows'

const stream = (key: string, groups: Array<[string, number]>, ratePerSec = 0): StreamInfo => ({
  key, length: 10, firstId: '1-0', lastId: '9-0', memoryBytes: 100, ratePerSec,
  groups: groups.map(([name, pending]) => ({ name, pending, consumers: [], lastDeliveredId: '0-0', entriesRead: 0, lag: 0 })),
})
const agent = (agentId: string, role: string, status: AgentInfo['status'] = 'idle'): AgentInfo => ({
  agentId, role, host: 'h', pid: 1, status, local: false, runs: 0, avgTimeSec: 0, lastHeartbeatTs: 0, startedTs: 0,
})

describe('the pipeline graph', () => {
  it('names the reader behind seed 001 groups, seed 000 groups and foreign ones', () => {
    expect(readerOfGroup('cg:role:manager')).toEqual({ kind: 'role', name: 'manager' })
    expect(readerOfGroup('cg:agent:a-1')).toEqual({ kind: 'agent', name: 'a-1' })
    expect(readerOfGroup('grammar-group')).toEqual({ kind: 'role', name: 'grammar' })
    expect(readerOfGroup('celery')).toEqual({ kind: 'external', name: 'celery' })
  })

  it('links streams to their readers, counts live agents and pending on roles', () => {
    const graph = buildGraph(
      [stream('stream:role:manager', [['cg:role:manager', 4]], 2), stream('stream:agent:a-1', [['cg:agent:a-1', 1]])],
      [agent('a-1', 'manager'), agent('a-2', 'manager', 'dead')],
      [],
      1,
    )
    expect(graph.nodes.find((n) => n.id === 'role:manager')).toMatchObject({ count: 1, pending: 5 })
    expect(graph.edges).toContainEqual({
      id: 'reads:stream:stream:role:manager->role:manager', source: 'stream:stream:role:manager', target: 'role:manager', kind: 'reads', ratePerSec: 2,
    })
    expect(graph.edges.map((e) => e.source)).toContain('stream:stream:agent:a-1')
  })

  it('adds known write edges of the seeds only for streams that exist, and journal destinations with rates', () => {
    const graph = buildGraph(
      [stream('doc.review.tasks', [['coordinator-group', 0]]), stream('doc.review.grammar', [['grammar-group', 0]])],
      [],
      [{ role: 'grammar', destination: 'result:m1', recentHops: 4 }],
      2,
    )
    const writes = graph.edges.filter((e) => e.kind === 'writes').map((e) => `${e.source}>${e.target}:${e.ratePerSec}`)
    expect(writes).toEqual([
      'external:external>stream:doc.review.tasks:0',
      'role:coordinator>stream:doc.review.grammar:0',
      `role:grammar>${RESULTS_NODE_ID}:2`,
    ])
  })

  it('keeps internal switchyard streams out of the picture', () => {
    const graph = buildGraph([stream('switchyard:journal', [])], [], [], 1)
    expect(graph.nodes).toEqual([])
  })
})
