import type { Edge, Node } from '@xyflow/react'
import type { GraphEdge, GraphNode } from '../../../../shared/api'
import { formatRate } from '../../components/operator/format'
import { NODE_HEIGHT, NODE_WIDTH, type NodePosition } from './layout-graph'

export type PipelineNodeData = { graphNode: GraphNode }
export type PipelineFlowNode = Node<PipelineNodeData, 'pipeline'>

/** Snapshot nodes + cached positions → React Flow nodes (counts are live, positions are not). */
export function toFlowNodes(nodes: GraphNode[], positions: Map<string, NodePosition>): PipelineFlowNode[] {
  return nodes.map((graphNode) => ({
    id: graphNode.id,
    type: 'pipeline',
    position: positions.get(graphNode.id) ?? { x: 0, y: 0 },
    data: { graphNode },
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    draggable: false,
    connectable: false,
  }))
}

/** Keeps what React Flow learnt about a node (its measured size) while taking the new data and position. */
export function mergeFlowNodes(current: PipelineFlowNode[], next: PipelineFlowNode[]): PipelineFlowNode[] {
  const byId = new Map(current.map((node) => [node.id, node]))
  return next.map((node) => {
    const known = byId.get(node.id)
    return known ? { ...known, position: node.position, data: node.data } : node
  })
}

export function toFlowEdges(edges: GraphEdge[], nodeIds: Set<string>): Edge[] {
  return edges
    .filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target))
    .map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      label: formatRate(edge.ratePerSec) || undefined,
      animated: edge.ratePerSec > 0,
      className: `op-edge-${edge.kind}`,
      data: { kind: edge.kind },
    }))
}
