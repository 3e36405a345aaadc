import type { AgentInfo, ConsumerInfo, GraphEdge, GraphNode, GroupInfo, StreamInfo } from '@shared/api'
import { DEAD_LETTER_PREFIX } from '@shared/keys'
import type { TopologyState } from './topology-store'

const NO_STREAMS: StreamInfo[] = []
const NO_GROUPS: GroupInfo[] = []
const NO_CONSUMERS: ConsumerInfo[] = []
const NO_NODES: GraphNode[] = []
const NO_EDGES: GraphEdge[] = []
const NO_AGENTS: AgentInfo[] = []
const NO_SENTENCES: string[] = []

/** Plain functions over the topology state; unit-tested without React. */
export const topologySelectors = {
  streams: (s: TopologyState): StreamInfo[] => s.snapshot?.streams ?? NO_STREAMS,
  streamKeys: (s: TopologyState): string[] => topologySelectors.streams(s).map((info) => info.key).sort(),
  stream: (s: TopologyState, key: string): StreamInfo | undefined =>
    topologySelectors.streams(s).find((info) => info.key === key),
  groupsOf: (s: TopologyState, key: string): GroupInfo[] => topologySelectors.stream(s, key)?.groups ?? NO_GROUPS,
  groupNamesOf: (s: TopologyState, key: string): string[] => topologySelectors.groupsOf(s, key).map((g) => g.name),
  group: (s: TopologyState, key: string, group: string): GroupInfo | undefined =>
    topologySelectors.groupsOf(s, key).find((g) => g.name === group),
  consumersOf: (s: TopologyState, key: string, group: string): ConsumerInfo[] =>
    topologySelectors.group(s, key, group)?.consumers ?? NO_CONSUMERS,
  /** Streams that have at least one consumer group (the Pending view's choices). */
  streamsWithGroups: (s: TopologyState): string[] =>
    topologySelectors
      .streams(s)
      .filter((info) => info.groups.length > 0)
      .map((info) => info.key)
      .sort(),
  /** The stream key behind a graph node (its id or its label), if it is a stream. */
  streamKeyOfNode: (s: TopologyState, node: GraphNode): string | null => {
    if (node.kind !== 'stream') return null
    const keys = new Set(topologySelectors.streams(s).map((info) => info.key))
    if (keys.has(node.id)) return node.id
    return node.label
  },
  /** Changes when a group's pending list, consumers or position change: the Pending view reloads then. */
  groupChangeKey: (s: TopologyState, key: string, group: string): string | null => {
    const g = topologySelectors.group(s, key, group)
    if (!g) return null
    return [g.pending, g.lastDeliveredId, ...g.consumers.map((c) => `${c.name}:${c.pending}`)].join('|')
  },
  /** Lengths of the dead-letter streams: changes when letters come or go. */
  deadLetterKey: (s: TopologyState): string =>
    topologySelectors
      .streams(s)
      .filter((info) => info.key.startsWith(DEAD_LETTER_PREFIX))
      .map((info) => `${info.key}:${info.length}`)
      .sort()
      .join('|'),
  /** What the Redis user may not read (one sentence each, naming the key and the missing right); the rest is shown. */
  unreadable: (s: TopologyState): string[] => s.snapshot?.unreadable ?? NO_SENTENCES,
  /** Agents on every host as the registry has them (the graph's instance counts). */
  agents: (s: TopologyState): AgentInfo[] => s.snapshot?.agents ?? NO_AGENTS,
  nodes: (s: TopologyState): GraphNode[] => s.snapshot?.graph.nodes ?? NO_NODES,
  edges: (s: TopologyState): GraphEdge[] => s.snapshot?.graph.edges ?? NO_EDGES,
  /** Changes only when nodes or edges come or go, not when counts change: re-layout key. */
  structureKey: (s: TopologyState): string => {
    const nodeIds = topologySelectors.nodes(s).map((n) => n.id).sort()
    const edgeIds = topologySelectors.edges(s).map((e) => `${e.source}>${e.target}`).sort()
    return `${nodeIds.join('|')}#${edgeIds.join('|')}`
  },
}
