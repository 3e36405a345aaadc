import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js'
import type { GraphEdge, GraphNode } from '@shared/api'
import type { PipelineGroup } from './pipeline-groups'

export const NODE_WIDTH = 200
export const NODE_HEIGHT = 66
/** Room above a pipeline's nodes for its name. */
const GROUP_LABEL_SPACE = 30

export interface Box {
  x: number
  y: number
  width: number
  height: number
}
export interface Point {
  x: number
  y: number
}

/** Absolute positions: nodes (top-left), pipeline frames, and each edge's route from source to target. */
export interface GraphLayout {
  nodes: Map<string, Box>
  groups: Array<PipelineGroup & Box>
  edges: Map<string, Point[]>
  /** Centre of each edge's label, placed by ELK so labels get room of their own. */
  labels: Map<string, Point>
}

/** Room reserved for an edge's figures: rate alone, or rate + lag + pending on a group edge. */
export const labelSize = (edge: GraphEdge): { width: number; height: number } =>
  edge.kind === 'reads' ? { width: 92, height: 28 } : { width: 40, height: 16 }

/** Spacing and label placement: set on the root and on every pipeline frame (each lays out its own content). */
const SPACING = {
  'elk.layered.spacing.nodeNodeBetweenLayers': '14',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.edgeNode': '20',
  'elk.spacing.edgeLabel': '4',
  'elk.layered.spacing.edgeNodeBetweenLayers': '10',
  'elk.edgeLabels.placement': 'CENTER',
}
const ROOT_OPTIONS = {
  ...SPACING,
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  // Every coordinate in the answer is absolute: React Flow nodes and routed edges share one frame.
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
}
const GROUP_OPTIONS = { ...SPACING, 'elk.padding': `[top=${GROUP_LABEL_SPACE},left=14,bottom=14,right=14]` }

/**
 * Layered left-to-right layout (ELK) grouped by pipeline: hubs at the top
 * level, each pipeline a frame of its own. Edges to unknown nodes are skipped
 * so a snapshot taken mid-change cannot break the layout; back edges and self
 * loops get routes of their own (drawn as loops, not through the nodes).
 */
export async function layoutGraph(elk: ELK, nodes: readonly GraphNode[], edges: readonly GraphEdge[], groups: readonly PipelineGroup[]): Promise<GraphLayout> {
  const known = new Set(nodes.map((n) => n.id))
  const grouped = new Set(groups.flatMap((g) => g.nodeIds))
  const leaf = (id: string): ElkNode => ({ id, width: NODE_WIDTH, height: NODE_HEIGHT })
  const elkEdges: ElkExtendedEdge[] = edges
    .filter((e) => known.has(e.source) && known.has(e.target))
    .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target], labels: [{ id: `${e.id}#label`, text: ' ', ...labelSize(e), layoutOptions: { 'elk.edgeLabels.placement': 'CENTER' } }] }))
  const root: ElkNode = {
    id: 'root',
    layoutOptions: ROOT_OPTIONS,
    children: [
      ...groups.map((g) => ({ id: g.id, layoutOptions: GROUP_OPTIONS, children: g.nodeIds.filter((id) => known.has(id)).map(leaf) })),
      ...nodes.filter((n) => !grouped.has(n.id)).map((n) => leaf(n.id)),
    ],
    edges: elkEdges,
  }
  const placed = await elk.layout(root)
  const layout: GraphLayout = { nodes: new Map(), groups: [], edges: new Map(), labels: new Map() }
  const box = (n: ElkNode): Box => ({ x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? NODE_WIDTH, height: n.height ?? NODE_HEIGHT })
  const groupById = new Map(groups.map((g) => [g.id, g]))
  const collectEdges = (n: ElkNode) => {
    for (const edge of n.edges ?? []) {
      const points = (edge.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint])
      if (points.length) layout.edges.set(edge.id, points)
      const label = edge.labels?.[0]
      if (label?.x !== undefined && label.y !== undefined) {
        layout.labels.set(edge.id, { x: label.x + (label.width ?? 0) / 2, y: label.y + (label.height ?? 0) / 2 })
      }
    }
  }
  collectEdges(placed)
  for (const child of placed.children ?? []) {
    const group = groupById.get(child.id)
    if (!group) {
      layout.nodes.set(child.id, box(child))
      continue
    }
    layout.groups.push({ ...group, ...box(child) })
    for (const inner of child.children ?? []) layout.nodes.set(inner.id, box(inner))
    collectEdges(child)
  }
  return layout
}
