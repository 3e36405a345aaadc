import { Graph, layout } from '@dagrejs/dagre'
import type { GraphEdge, GraphNode } from '../../../../shared/api'

export const NODE_WIDTH = 180
export const NODE_HEIGHT = 64

export interface NodePosition {
  x: number
  y: number
}

/**
 * Left-to-right dagre layout of the pipeline graph: top-left corner of every
 * node (React Flow's anchor), by node id. Edges to unknown nodes are skipped so
 * a snapshot taken mid-change cannot break the layout.
 */
export function layoutGraph(nodes: GraphNode[], edges: GraphEdge[]): Map<string, NodePosition> {
  const graph = new Graph<object, { width: number; height: number; x?: number; y?: number }, object>({ multigraph: true })
  graph.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 90, marginx: 16, marginy: 16 })
  graph.setDefaultEdgeLabel(() => ({}))
  for (const node of nodes) graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT })
  const known = new Set(nodes.map((n) => n.id))
  for (const edge of edges) {
    if (known.has(edge.source) && known.has(edge.target)) graph.setEdge(edge.source, edge.target, {}, edge.id)
  }
  layout(graph)
  const positions = new Map<string, NodePosition>()
  for (const node of nodes) {
    const placed = graph.node(node.id)
    positions.set(node.id, {
      x: (placed.x ?? 0) - NODE_WIDTH / 2,
      y: (placed.y ?? 0) - NODE_HEIGHT / 2,
    })
  }
  return positions
}
