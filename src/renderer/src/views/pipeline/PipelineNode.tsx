import { Handle, Position, type NodeProps } from '@xyflow/react'
import type { PipelineFlowNode } from './to-flow-elements'

const KIND_LABEL = { stream: 'stream', role: 'role', agent: 'agent', list: 'result list', external: 'external' } as const

/** One node of the pipeline graph with its live count and pending figure. */
export function PipelineNode({ data }: NodeProps<PipelineFlowNode>) {
  const { graphNode } = data
  const countLabel = graphNode.kind === 'stream' ? 'entries' : graphNode.kind === 'role' ? 'agents' : 'count'
  return (
    <div
      className={`op-node op-node-${graphNode.kind}${graphNode.pending > 0 ? ' op-node-pending' : ''}`}
      data-testid={`graph-node-${graphNode.id}`}
      data-kind={graphNode.kind}
      title={graphNode.id}
    >
      <Handle type="target" position={Position.Left} />
      <div className="op-node-kind">{KIND_LABEL[graphNode.kind]}</div>
      <div className="op-node-label">{graphNode.label}</div>
      <div className="op-node-figures">
        <span data-testid="node-count">
          {graphNode.count} {countLabel}
        </span>
        {graphNode.pending > 0 ? <span className="op-node-pending-count">{graphNode.pending} pending</span> : null}
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  )
}
