import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type NodeMouseHandler } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useEffect, useMemo, useRef } from 'react'
import { ErrorNote } from '../../components/operator/ErrorNote'
import { ViewFrame } from '../../components/operator/ViewFrame'
import { UnreadableNote } from '../../components/operator/UnreadableNote'
import { refreshAgents, useAgentsStore } from '../../stores/agents-store'
import { selectNode, useTopologyGraphStore } from '../../stores/topology-graph-store'
import { topologySelectors } from '../../stores/topology-selectors'
import { startTopologyFeed, useTopologyStore } from '../../stores/topology-store'
import './pipeline.css'
import { NodePanel } from './NodePanel'
import { PipelineGroupNode, PipelineNode } from './PipelineNode'
import { PipelineToolbar } from './PipelineToolbar'
import { RoutedEdge } from './RoutedEdge'
import { toFlowEdges, toFlowNodes } from './to-flow-elements'
import { useGraphLayout } from './use-graph-layout'

// Module scope: React Flow warns (and re-mounts) when these change identity.
const nodeTypes = { pipeline: PipelineNode, pipelineGroup: PipelineGroupNode }
const edgeTypes = { routed: RoutedEdge }
/** Fitting never shrinks text below ~8 px: past that the operator pans, or zooms to one pipeline. */
const FIT_MIN_ZOOM = 0.55
const FIT_MAX_ZOOM = 1.2
const FIT_MARGIN_PX = 16

/**
 * Fits the whole graph; when that would need a zoom under FIT_MIN_ZOOM, shows
 * it from its top-left corner at that zoom instead (centring would cut off
 * both ends, as it did at two pipelines).
 */
function fitGraph(flow: ReturnType<typeof useReactFlow>, frame: HTMLElement | null, duration = 0): void {
  const nodes = flow.getNodes()
  if (!frame || nodes.length === 0) return
  const bounds = flow.getNodesBounds(nodes)
  const width = frame.clientWidth - 2 * FIT_MARGIN_PX
  const height = frame.clientHeight - 2 * FIT_MARGIN_PX
  if (width <= 0 || height <= 0 || bounds.width <= 0) return
  const zoom = Math.min(FIT_MAX_ZOOM, width / bounds.width, height / bounds.height)
  if (zoom >= FIT_MIN_ZOOM) {
    const x = FIT_MARGIN_PX + (width - bounds.width * zoom) / 2 - bounds.x * zoom
    const y = FIT_MARGIN_PX + (height - bounds.height * zoom) / 2 - bounds.y * zoom
    void flow.setViewport({ x, y, zoom }, { duration })
  } else {
    void flow.setViewport({ x: FIT_MARGIN_PX - bounds.x * FIT_MIN_ZOOM, y: FIT_MARGIN_PX - bounds.y * FIT_MIN_ZOOM, zoom: FIT_MIN_ZOOM }, { duration })
  }
}

function PipelineGraph() {
  const nodes = useTopologyStore(topologySelectors.nodes)
  const edges = useTopologyStore(topologySelectors.edges)
  const agents = useTopologyStore(topologySelectors.agents)
  const structureKey = useTopologyStore(topologySelectors.structureKey)
  const roles = useAgentsStore((s) => s.roles)
  const pipelineOfRole = useMemo(() => new Map(roles.map((r) => [r.role as string, r.pipeline as string])), [roles])
  const { layout, layoutKey, groups, error } = useGraphLayout(nodes, edges, structureKey, pipelineOfRole)
  const selectedId = useTopologyGraphStore((s) => s.selectedNodeId)
  const thresholds = useTopologyGraphStore((s) => s.thresholds)
  const flowNodes = useMemo(() => toFlowNodes(nodes, agents, layout, selectedId), [nodes, agents, layout, selectedId])
  const flowEdges = useMemo(() => toFlowEdges(edges, layout, thresholds), [edges, layout, thresholds])
  const flow = useReactFlow()

  // Fit when a new layout lands and whenever the frame changes size.
  const frame = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!layoutKey) return
    // Two frames: React Flow measures the new nodes first, then the fit sees all of them.
    let second = 0
    const first = requestAnimationFrame(() => (second = requestAnimationFrame(() => fitGraph(flow, frame.current))))
    return () => (cancelAnimationFrame(first), cancelAnimationFrame(second))
  }, [layoutKey, flow])
  useEffect(() => {
    const element = frame.current
    if (!element) return
    const observer = new ResizeObserver(() => fitGraph(flow, element))
    observer.observe(element)
    return () => observer.disconnect()
  }, [flow])

  const onNodeClick: NodeMouseHandler = (_event, node) => {
    if (node.type === 'pipeline') selectNode(node.id)
  }
  const zoomTo = (groupId: string) => {
    const group = groups.find((g) => g.id === groupId)
    if (group) void flow.fitView({ nodes: [{ id: group.id }, ...group.nodeIds.map((id) => ({ id }))], padding: 0.08, maxZoom: 1.4, duration: 300 })
  }

  return (
    <>
      <PipelineToolbar groups={groups} onZoom={zoomTo} onFitAll={() => void flow.fitView({ padding: 0.04, minZoom: 0.1, duration: 300 })} />
      <ErrorNote message={error} />
      <div className="op-graph-row">
        <div className="op-graph" data-testid="pipeline-graph" data-layout={layoutKey ? 'ready' : 'pending'} ref={frame}>
          <ReactFlow
            nodes={flowNodes}
            edges={flowEdges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodeClick={onNodeClick}
            onPaneClick={() => selectNode(null)}
            minZoom={0.1}
            maxZoom={2}
            nodesDraggable={false}
            nodesConnectable={false}
            proOptions={{ hideAttribution: true }}
          >
            <Background />
            <Controls showInteractive={false} />
            <MiniMap pannable zoomable ariaLabel="Graph overview" position="top-right" style={{ width: 150, height: 96 }} />
          </ReactFlow>
        </div>
        <NodePanel />
      </div>
    </>
  )
}

/** The live pipeline graph: pipelines as frames, roles and streams, figures on nodes and edges. */
export function PipelineView() {
  useEffect(() => startTopologyFeed(), [])
  // The role catalog names the pipelines (demo, doc-review) the frames are titled with.
  useEffect(() => void refreshAgents(), [])
  const error = useTopologyStore((s) => s.error)
  const truncated = useTopologyStore((s) => s.snapshot?.truncated ?? false)
  const empty = useTopologyStore((s) => topologySelectors.nodes(s).length === 0)
  return (
    <ViewFrame id="pipeline" title="Pipeline">
      <ErrorNote message={error} />
      {truncated ? <p className="op-note">Too many streams: the graph shows the first part only.</p> : null}
      <UnreadableNote />
      {empty && !error ? <p className="op-note">No streams or agents yet.</p> : null}
      <ReactFlowProvider>
        <PipelineGraph />
      </ReactFlowProvider>
    </ViewFrame>
  )
}
