import type { AgentInfo, GraphEdge, GraphNode, StreamInfo } from '@shared/api'
import { isInternalKey } from '@shared/keys'
import { isRunning, readerOfGroup } from './group-readers'
import { EXTERNAL_WRITER, type LearnedWrite } from './journal-writes'
import type { ResultListCount } from './result-lists'

/** All result lists share one node: there is one per message. */
export const RESULTS_NODE_ID = 'list:results'
export const EXTERNAL_NODE_ID = 'external:external'

const streamNodeId = (key: string): string => `stream:${key}`
const roleNodeId = (role: string): string => `role:${role}`
const isAgentStream = (key: string): boolean => key.startsWith('stream:agent:')

export interface GraphInputs {
  streams: readonly StreamInfo[]
  agents: readonly AgentInfo[]
  /** Writer→destination edges from the journal and from envelopes' traces. */
  writes: readonly LearnedWrite[]
  resultLists: ResultListCount | null
}

/**
 * The pipeline graph from observed traffic only: streams; the roles that read
 * them (groups and their consumers); the roles that write them (the journal,
 * envelope traces, agents' reported outputs); streams nobody is seen writing
 * get the external caller. An agent's own stream is folded into its role.
 * Internal switchyard:* streams stay out of the picture.
 */
export function buildGraph({ streams, agents, writes, resultLists }: GraphInputs): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = new Map<string, GraphNode>()
  const edges = new Map<string, GraphEdge>()
  const agentRole = new Map(agents.map((a) => [a.agentId, a.role]))
  const roleNode = (role: string): string => {
    const id = roleNodeId(role)
    if (!nodes.has(id)) {
      const mine = agents.filter((a) => a.role === role)
      const running = mine.filter(isRunning).length
      const dead = mine.filter((a) => a.status === 'dead').length
      const health = running === 0 ? 'down' : dead > 0 ? 'degraded' : 'ok'
      nodes.set(id, { id, kind: 'role', label: role, count: running, pending: 0, running, dead, health })
    }
    return id
  }
  const externalNode = (name: string): string => {
    const id = `external:${name}`
    if (!nodes.has(id)) nodes.set(id, { id, kind: 'external', label: name, count: 0, pending: 0 })
    return id
  }
  const resultsNode = (): string => {
    if (!nodes.has(RESULTS_NODE_ID)) {
      nodes.set(RESULTS_NODE_ID, {
        id: RESULTS_NODE_ID, kind: 'list', label: 'result lists', pending: 0,
        count: resultLists?.count ?? 0, countEstimated: resultLists?.estimated ?? true,
      })
    }
    return RESULTS_NODE_ID
  }
  const addEdge = (edge: Omit<GraphEdge, 'id'>): void => {
    const id = `${edge.kind}:${edge.source}->${edge.target}`
    const before = edges.get(id)
    if (!before) edges.set(id, { id, ...edge })
    else {
      before.ratePerSec += edge.ratePerSec
      if (edge.pending !== undefined) before.pending = (before.pending ?? 0) + edge.pending
      if (edge.lag !== undefined) before.lag = edge.lag === null || before.lag == null ? null : before.lag + edge.lag
    }
  }

  for (const agent of agents) roleNode(agent.role)
  const visible = streams.filter((s) => !isInternalKey(s.key))
  const drawn = new Set<string>()
  for (const stream of visible) {
    if (isAgentStream(stream.key)) {
      // No node of its own: what waits there waits for that agent's role.
      const role = agentRole.get(stream.key.slice('stream:agent:'.length))
      if (role) (nodes.get(roleNode(role)) as GraphNode).pending += stream.groups.reduce((sum, g) => sum + g.pending, 0)
      continue
    }
    drawn.add(stream.key)
    const id = streamNodeId(stream.key)
    nodes.set(id, { id, kind: 'stream', label: stream.key, count: stream.length, pending: stream.groups.reduce((sum, g) => sum + g.pending, 0) })
    for (const group of stream.groups) {
      const reader = readerOfGroup(group, agentRole)
      const target =
        reader.kind === 'role' ? roleNode(reader.name)
        : reader.kind === 'agent' && agentRole.has(reader.name) ? roleNode(agentRole.get(reader.name) as string)
        : externalNode(reader.name)
      ;(nodes.get(target) as GraphNode).pending += group.pending
      addEdge({ source: id, target, kind: 'reads', ratePerSec: stream.ratePerSec, group: group.name, lag: group.lag, pending: group.pending })
    }
  }

  const written = new Set<string>()
  const writeTarget = (destination: string): string | null => {
    if (destination.startsWith('result:')) return resultsNode()
    if (isAgentStream(destination)) {
      const role = agentRole.get(destination.slice('stream:agent:'.length))
      return role ? roleNode(role) : null
    }
    return drawn.has(destination) ? streamNodeId(destination) : null
  }
  for (const write of writes) {
    const target = writeTarget(write.destination)
    if (!target) continue
    written.add(write.destination)
    const source = write.role === EXTERNAL_WRITER ? externalNode(EXTERNAL_WRITER) : roleNode(write.role)
    addEdge({ source, target, kind: 'writes', ratePerSec: write.ratePerSec })
  }
  // Outputs agents report (flat-field agents, other languages): the stream's own rate, shared by its writers.
  const reported = new Map<string, string[]>()
  for (const agent of agents) {
    for (const key of agent.writes ?? []) {
      if (!drawn.has(key)) continue
      const roles = reported.get(key) ?? []
      if (!roles.includes(agent.role)) roles.push(agent.role)
      reported.set(key, roles)
    }
  }
  const rateOf = new Map(visible.map((s) => [s.key, s.ratePerSec]))
  for (const [key, roles] of reported) {
    written.add(key)
    for (const role of roles) {
      addEdge({ source: roleNode(role), target: streamNodeId(key), kind: 'writes', ratePerSec: (rateOf.get(key) ?? 0) / roles.length })
    }
  }
  // A stream read by a group that nobody is seen writing: someone outside writes it.
  for (const stream of visible) {
    if (!drawn.has(stream.key) || written.has(stream.key) || stream.groups.length === 0) continue
    addEdge({ source: externalNode(EXTERNAL_WRITER), target: streamNodeId(stream.key), kind: 'writes', ratePerSec: stream.ratePerSec })
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] }
}
