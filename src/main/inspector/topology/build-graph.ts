import type { AgentInfo, GraphEdge, GraphNode, StreamInfo } from '../../../shared/api'
import { isInternalKey } from '../../../shared/keys'
import { KNOWN_WRITES, readerOfGroup } from './known-flows'
import type { LearnedWrite } from './journal-writes'

/** All result lists share one node: there is one per message. */
export const RESULTS_NODE_ID = 'list:results'

const streamNodeId = (key: string): string => `stream:${key}`
const roleNodeId = (role: string): string => `role:${role}`

/**
 * The pipeline graph: streams, the roles/agents/groups that read them and the
 * roles that write them. Internal switchyard:* streams stay out of the picture.
 */
export function buildGraph(
  streams: readonly StreamInfo[],
  agents: readonly AgentInfo[],
  writes: readonly LearnedWrite[],
  intervalSec: number,
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = new Map<string, GraphNode>()
  const edges = new Map<string, GraphEdge>()
  const agentRole = new Map(agents.map((a) => [a.agentId, a.role]))
  const alive = (role: string): number => agents.filter((a) => a.role === role && a.status !== 'dead').length
  const roleNode = (role: string, kind: GraphNode['kind'] = 'role'): string => {
    const id = kind === 'external' ? `external:${role}` : roleNodeId(role)
    if (!nodes.has(id)) nodes.set(id, { id, kind, label: role, count: kind === 'role' ? alive(role) : 0, pending: 0 })
    return id
  }
  const addEdge = (source: string, target: string, kind: GraphEdge['kind'], ratePerSec: number): void => {
    const id = `${kind}:${source}->${target}`
    const edge = edges.get(id)
    if (edge) edge.ratePerSec += ratePerSec
    else edges.set(id, { id, source, target, kind, ratePerSec })
  }

  for (const agent of agents) roleNode(agent.role)
  const visible = streams.filter((s) => !isInternalKey(s.key))
  for (const stream of visible) {
    const pending = stream.groups.reduce((sum, g) => sum + g.pending, 0)
    const id = streamNodeId(stream.key)
    nodes.set(id, { id, kind: 'stream', label: stream.key, count: stream.length, pending })
    for (const group of stream.groups) {
      const reader = readerOfGroup(group.name)
      const role = reader.kind === 'agent' ? (agentRole.get(reader.name) ?? null) : null
      const target =
        reader.kind === 'role' ? roleNode(reader.name)
        : role ? roleNode(role)
        : roleNode(reader.name, reader.kind === 'agent' ? 'agent' : 'external')
      const readerNode = nodes.get(target)
      if (readerNode) readerNode.pending += group.pending
      addEdge(id, target, 'reads', stream.ratePerSec)
      // Additive (views10a): the group, its lag and pending count, drawn on the edge.
      const edge = edges.get(`reads:${id}->${target}`) as GraphEdge
      edge.group = edge.group ? `${edge.group}, ${group.name}` : group.name
      edge.pending = (edge.pending ?? 0) + group.pending
      edge.lag = group.lag === null || edge.lag === null ? null : (edge.lag ?? 0) + group.lag
    }
  }

  const streamRate = new Map(visible.map((s) => [s.key, s.ratePerSec]))
  for (const { role, stream } of KNOWN_WRITES) {
    if (!streamRate.has(stream)) continue
    addEdge(roleNode(role, role === 'external' ? 'external' : 'role'), streamNodeId(stream), 'writes', 0)
  }
  for (const write of writes) {
    const toList = !streamRate.has(write.destination)
    if (toList && !write.destination.startsWith('result:')) continue
    if (toList && !nodes.has(RESULTS_NODE_ID)) {
      nodes.set(RESULTS_NODE_ID, { id: RESULTS_NODE_ID, kind: 'list', label: 'result lists', count: 0, pending: 0 })
    }
    const target = toList ? RESULTS_NODE_ID : streamNodeId(write.destination)
    if (toList) (nodes.get(RESULTS_NODE_ID) as GraphNode).count += write.recentHops
    addEdge(roleNode(write.role), target, 'writes', intervalSec > 0 ? write.recentHops / intervalSec : 0)
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] }
}
