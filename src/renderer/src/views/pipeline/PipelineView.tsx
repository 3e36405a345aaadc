import { applyNodeChanges, Background, Controls, ReactFlow, type NodeChange, type NodeMouseHandler } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { ErrorNote } from '../../components/operator/ErrorNote'
import { openView } from '../../components/operator/navigate'
import { ViewFrame } from '../../components/operator/ViewFrame'
import { openStream } from '../../stores/streams-store'
import { topologySelectors } from '../../stores/topology-selectors'
import { startTopologyFeed, useTopologyStore } from '../../stores/topology-store'
import { layoutGraph } from './layout-graph'
import { PipelineNode } from './PipelineNode'
import { mergeFlowNodes, toFlowEdges, toFlowNodes, type PipelineFlowNode } from './to-flow-elements'

// Module scope: React Flow warns (and re-mounts) when nodeTypes changes identity.
const nodeTypes = { pipeline: PipelineNode }

/** The live pipeline graph: roles/agents and streams, counts on nodes, rates on edges. */
export function PipelineView() {
  useEffect(() => startTopologyFeed(), [])
  const nodes = useTopologyStore(topologySelectors.nodes)
  const edges = useTopologyStore(topologySelectors.edges)
  const structureKey = useTopologyStore(topologySelectors.structureKey)
  const error = useTopologyStore((s) => s.error)
  const truncated = useTopologyStore((s) => s.snapshot?.truncated ?? false)

  // Lay out only when the graph's shape changes; live counts reuse positions.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const positions = useMemo(() => layoutGraph(nodes, edges), [structureKey])
  // React Flow writes each node's measured size back through onNodesChange; fresh
  // snapshot nodes are merged into the measured ones so they never go hidden again.
  const [flowNodes, setFlowNodes] = useState<PipelineFlowNode[]>([])
  useEffect(() => setFlowNodes((current) => mergeFlowNodes(current, toFlowNodes(nodes, positions))), [nodes, positions])
  const onNodesChange = useCallback(
    (changes: NodeChange<PipelineFlowNode>[]) => setFlowNodes((current) => applyNodeChanges(changes, current)),
    [],
  )
  const flowEdges = useMemo(() => toFlowEdges(edges, new Set(nodes.map((n) => n.id))), [edges, nodes])

  const onNodeClick: NodeMouseHandler<PipelineFlowNode> = (_event, node) => {
    const key = topologySelectors.streamKeyOfNode(useTopologyStore.getState(), node.data.graphNode)
    if (!key) return
    void openStream(key)
    openView('streams')
  }

  return (
    <ViewFrame id="pipeline" title="Pipeline">
      <ErrorNote message={error} />
      {truncated ? <p className="op-note">Too many streams: the graph shows the first part only.</p> : null}
      {nodes.length === 0 && !error ? <p className="op-note">No streams or agents yet.</p> : null}
      <div className="op-graph" data-testid="pipeline-graph">
        <ReactFlow
          // A new shape gets a fresh instance, so fitView frames the whole graph again.
          key={structureKey}
          nodes={flowNodes}
          onNodesChange={onNodesChange}
          edges={flowEdges}
          nodeTypes={nodeTypes}
          onNodeClick={onNodeClick}
          fitView
          nodesDraggable={false}
          nodesConnectable={false}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </ViewFrame>
  )
}
