import { MarkerType, type Edge, type Node } from '@xyflow/react'
import type { AgentInfo, GraphEdge, GraphNode } from '@shared/api'
import { graphSelectors, type Level, type RoleHealth } from '../../stores/topology-graph-selectors'
import type { EdgeThresholds } from '../../stores/topology-graph-store'
import type { GraphLayout, Point } from './layout-graph'

export type PipelineNodeData = { graphNode: GraphNode; figure: string; health: RoleHealth | null; selected: boolean }
export type PipelineFlowNode = Node<PipelineNodeData, 'pipeline'>
export type GroupNodeData = { label: string }
export type GroupFlowNode = Node<GroupNodeData, 'pipelineGroup'>
export type RoutedEdgeData = { points: Point[]; labelAt: Point | null; rate: string; group: string | null; level: Level; graphEdge: GraphEdge }
export type RoutedFlowEdge = Edge<RoutedEdgeData, 'routed'>

/** Snapshot nodes + the layout → React Flow nodes; pipeline frames first so they sit underneath. */
export function toFlowNodes(
  nodes: readonly GraphNode[],
  agents: readonly AgentInfo[],
  layout: GraphLayout,
  selectedId: string | null,
): Array<PipelineFlowNode | GroupFlowNode> {
  const frames: GroupFlowNode[] = layout.groups.map((g) => ({
    id: g.id,
    type: 'pipelineGroup',
    position: { x: g.x, y: g.y },
    data: { label: g.label },
    width: g.width,
    height: g.height,
    draggable: false,
    selectable: false,
    zIndex: -1,
  }))
  const placed: PipelineFlowNode[] = nodes.flatMap((graphNode) => {
    const box = layout.nodes.get(graphNode.id)
    if (!box) return []
    return [
      {
        id: graphNode.id,
        type: 'pipeline' as const,
        position: { x: box.x, y: box.y },
        data: {
          graphNode,
          figure: graphSelectors.nodeFigure(graphNode, agents),
          health: graphNode.kind === 'role' ? graphSelectors.roleHealth(agents, graphNode.label, graphNode) : null,
          selected: graphNode.id === selectedId,
        },
        width: box.width,
        height: box.height,
        draggable: false,
        connectable: false,
      },
    ]
  })
  return [...frames, ...placed]
}

const LEVEL_COLOUR: Record<Level, string> = { ok: 'var(--graph-edge, #64748b)', warn: 'var(--warn, #b45309)', bad: 'var(--bad, #b91c1c)' }

/** Snapshot edges → routed edges with an arrowhead, the rate and (group edges) lag and pending. */
export function toFlowEdges(edges: readonly GraphEdge[], layout: GraphLayout, thresholds: EdgeThresholds): RoutedFlowEdge[] {
  return edges
    .filter((edge) => layout.nodes.has(edge.source) && layout.nodes.has(edge.target))
    .map((edge) => {
      const level = graphSelectors.edgeLevel(edge, thresholds)
      return {
        id: edge.id,
        type: 'routed' as const,
        source: edge.source,
        target: edge.target,
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: LEVEL_COLOUR[level] },
        style: { stroke: LEVEL_COLOUR[level], strokeWidth: level === 'ok' ? 1.5 : 2.5 },
        className: `op-edge-${edge.kind}`,
        data: {
          points: layout.edges.get(edge.id) ?? [],
          labelAt: layout.labels.get(edge.id) ?? null,
          rate: graphSelectors.rateText(edge.ratePerSec),
          group: graphSelectors.groupText(edge),
          level,
          graphEdge: edge,
        },
      }
    })
}
