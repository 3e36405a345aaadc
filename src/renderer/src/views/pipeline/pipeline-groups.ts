import type { GraphEdge, GraphNode } from '@shared/api'

/** One pipeline of the graph: the nodes joined by traffic, hubs (external, result lists) left out. */
export interface PipelineGroup {
  id: string
  label: string
  nodeIds: string[]
}

/** Nodes every pipeline touches; grouping through them would join all pipelines into one. */
const isHub = (node: GraphNode): boolean => node.kind === 'external' || node.kind === 'list'

/**
 * Groups the graph into pipelines: connected components without the hubs,
 * with the roles of one catalog pipeline joined.
 * A group is named after the pipeline most of its roles belong to (from the
 * role catalog), else after its first role or stream.
 */
export function pipelineGroups(nodes: readonly GraphNode[], edges: readonly GraphEdge[], pipelineOfRole: ReadonlyMap<string, string>): PipelineGroup[] {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const parent = new Map<string, string>()
  const find = (id: string): string => {
    let root = id
    while (parent.get(root) !== root) root = parent.get(root) ?? root
    parent.set(id, root)
    return root
  }
  for (const node of nodes) if (!isHub(node)) parent.set(node.id, node.id)
  const union = (x: string, y: string): void => {
    const [a, b] = [find(x), find(y)]
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b)
  }
  for (const edge of edges) if (parent.has(edge.source) && parent.has(edge.target)) union(edge.source, edge.target)
  // Roles of one catalog pipeline share a frame even before traffic joins them (edges come from observed traffic).
  const firstOfPipeline = new Map<string, string>()
  for (const node of nodes) {
    const pipeline = node.kind === 'role' ? pipelineOfRole.get(node.label) : undefined
    if (!pipeline) continue
    const first = firstOfPipeline.get(pipeline)
    if (first) union(first, node.id)
    else firstOfPipeline.set(pipeline, node.id)
  }
  const members = new Map<string, string[]>()
  for (const id of parent.keys()) {
    const root = find(id)
    members.set(root, [...(members.get(root) ?? []), id])
  }
  const used = new Map<string, number>()
  const groups = [...members.values()].map((ids): PipelineGroup => {
    ids.sort()
    const roles = ids.map((id) => byId.get(id)).filter((n): n is GraphNode => n?.kind === 'role')
    const votes = new Map<string, number>()
    for (const role of roles) {
      const pipeline = pipelineOfRole.get(role.label)
      if (pipeline) votes.set(pipeline, (votes.get(pipeline) ?? 0) + 1)
    }
    const voted = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0]
    const base = voted ?? roles[0]?.label ?? byId.get(ids[0] ?? '')?.label ?? 'pipeline'
    const seen = (used.get(base) ?? 0) + 1
    used.set(base, seen)
    const label = seen > 1 ? `${base} (${seen})` : base
    return { id: `group:${label}`, label, nodeIds: ids }
  })
  return groups.sort((a, b) => a.label.localeCompare(b.label))
}
