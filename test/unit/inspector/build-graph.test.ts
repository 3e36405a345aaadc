import { describe, expect, it } from 'vitest'
import type { AgentInfo, StreamInfo } from '@shared/api'
import { buildGraph, EXTERNAL_NODE_ID, RESULTS_NODE_ID } from '../../../src/main/inspector/topology/build-graph'
import { readerOfGroup } from '../../../src/main/inspector/topology/group-readers'
import { consumerAgents } from '../../../src/main/runtime/control/consumer-agents'
import type { LearnedWrite } from '../../../src/main/inspector/topology/journal-writes'

type Group = [name: string, pending: number, lag?: number | null, consumers?: string[]]
const stream = (key: string, groups: Group[], ratePerSec = 0): StreamInfo => ({
  key, length: 10, firstId: '1-0', lastId: '9-0', memoryBytes: 100, ratePerSec,
  groups: groups.map(([name, pending, lag = 0, consumers = []]) => ({
    name, pending, lastDeliveredId: '0-0', entriesRead: 0, lag,
    consumers: consumers.map((c) => ({ name: c, pending: 0, idleMs: 1000, inactiveMs: null })),
  })),
})
const agent = (agentId: string, role: string, status: AgentInfo['status'] = 'idle', writes?: string[]): AgentInfo => ({
  agentId, role, host: 'h', pid: 1, status, local: false, runs: 0, avgTimeSec: 0, lastHeartbeatTs: 0, startedTs: 0, ...(writes ? { writes } : {}),
})
const write = (role: string, destination: string, ratePerSec = 0): LearnedWrite => ({ role, destination, ratePerSec, inferred: false })
const graphOf = (streams: StreamInfo[], agents: AgentInfo[] = [], writes: LearnedWrite[] = []) =>
  buildGraph({ streams, agents, writes, resultLists: { count: 16_008, estimated: true } })
const edgeList = (g: ReturnType<typeof graphOf>) => g.edges.map((e) => `${e.kind} ${e.source} > ${e.target}`).sort()

describe('the pipeline graph', () => {
  it('names the reader behind a group from its consumers, then the seeds naming, else the group', () => {
    const roles = new Map([['w-1', 'billing']])
    expect(readerOfGroup({ name: 'cg:role:manager', consumers: [] }, roles)).toEqual({ kind: 'role', name: 'manager' })
    expect(readerOfGroup({ name: 'cg:agent:a-1', consumers: [] }, roles)).toEqual({ kind: 'agent', name: 'a-1' })
    expect(readerOfGroup({ name: 'grammar-group', consumers: [] }, roles)).toEqual({ kind: 'role', name: 'grammar' })
    expect(readerOfGroup({ name: 'celery', consumers: [] }, roles)).toEqual({ kind: 'external', name: 'celery' })
    const consumers = [{ name: 'w-1', pending: 0, idleMs: 0, inactiveMs: null }]
    expect(readerOfGroup({ name: 'celery', consumers }, roles)).toEqual({ kind: 'role', name: 'billing' })
  })

  it('counts running instances only, flags a role with none running, folds agent streams into their role', () => {
    const graph = graphOf(
      [stream('stream:role:manager', [['cg:role:manager', 4, 7]], 2), stream('stream:agent:a-1', [['cg:agent:a-1', 1]])],
      [agent('a-1', 'manager'), agent('a-2', 'manager', 'dead'), agent('a-3', 'manager', 'stopped'), agent('r-1', 'reverse', 'stopped')],
    )
    expect(graph.nodes.find((n) => n.id === 'role:manager')).toMatchObject({ count: 1, running: 1, dead: 1, health: 'degraded', pending: 5 })
    expect(graph.nodes.find((n) => n.id === 'role:reverse')).toMatchObject({ count: 0, running: 0, health: 'down' })
    expect(graph.nodes.some((n) => n.label.startsWith('stream:agent:'))).toBe(false)
    expect(graph.edges).toContainEqual({
      id: 'reads:stream:stream:role:manager->role:manager', source: 'stream:stream:role:manager', target: 'role:manager',
      kind: 'reads', ratePerSec: 2, group: 'cg:role:manager', lag: 7, pending: 4,
    })
    expect(graph.edges.some((e) => e.source === 'stream:stream:agent:a-1')).toBe(false)
  })

  it('draws any pipeline from observed writes, including a loop back to an earlier role', () => {
    const roles = ['translate', 'clarify', 'quality_control']
    const graph = graphOf(
      roles.map((r) => stream(`stream:role:${r}`, [[`cg:role:${r}`, 0]])),
      roles.map((r) => agent(`${r}-1`, r)),
      [
        write('external', 'stream:role:translate', 1),
        write('translate', 'stream:role:clarify', 1),
        write('clarify', 'stream:role:quality_control', 1.5),
        write('quality_control', 'stream:role:clarify', 0.5),
        write('quality_control', 'result:m1', 1),
      ],
    )
    expect(edgeList(graph)).toEqual([
      'reads stream:stream:role:clarify > role:clarify',
      'reads stream:stream:role:quality_control > role:quality_control',
      'reads stream:stream:role:translate > role:translate',
      `writes ${EXTERNAL_NODE_ID} > stream:stream:role:translate`,
      'writes role:clarify > stream:stream:role:quality_control',
      `writes role:quality_control > ${RESULTS_NODE_ID}`,
      'writes role:quality_control > stream:stream:role:clarify',
      'writes role:translate > stream:stream:role:clarify',
    ])
    expect(graph.nodes.find((n) => n.id === RESULTS_NODE_ID)).toMatchObject({ count: 16_008, countEstimated: true })
  })

  it('takes flat agents reported outputs, and gives streams nobody is seen writing to the external caller', () => {
    const graph = graphOf(
      [stream('doc.review.tasks', [['coordinator-group', 0]], 4), stream('doc.review.grammar', [['grammar-group', 0]], 4)],
      [agent('c-1', 'coordinator', 'idle', ['doc.review.grammar', 'doc.review.gone'])],
    )
    expect(edgeList(graph)).toEqual([
      'reads stream:doc.review.grammar > role:grammar',
      'reads stream:doc.review.tasks > role:coordinator',
      `writes ${EXTERNAL_NODE_ID} > stream:doc.review.tasks`,
      'writes role:coordinator > stream:doc.review.grammar',
    ])
    expect(graph.edges.find((e) => e.target === 'stream:doc.review.grammar')?.ratePerSec).toBe(4)
  })

  it('keeps internal switchyard streams out of the picture', () => {
    expect(graphOf([stream('switchyard:journal', [])]).nodes).toEqual([])
  })
})

describe('consumers with no heartbeat', () => {
  it('become agents seen as consumer, with their idle time; known agents and agent groups are not repeated', () => {
    const streams = [stream('legacy:events', [['go-workers', 2, 3, ['w1', 'known-1']]]), stream('stream:agent:x', [['cg:agent:x', 0, 0, ['x']]])]
    const found = consumerAgents(streams, [agent('known-1', 'go')], 1_000_000)
    expect(found).toEqual([
      expect.objectContaining({ agentId: 'w1', role: 'go-workers', status: 'idle', source: 'consumer', idleMs: 1000, consumerOf: { stream: 'legacy:events', group: 'go-workers' } }),
    ])
  })
})
