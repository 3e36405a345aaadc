import { Handle, Position, type NodeProps } from '@xyflow/react'
import type { GroupFlowNode, PipelineFlowNode } from './to-flow-elements'

const KIND_LABEL = { stream: 'stream', role: 'role', agent: 'agent', list: 'result lists', external: 'external' } as const

/** One node of the pipeline graph: kind, name, live figure; a role is coloured by its health. */
export function PipelineNode({ data }: NodeProps<PipelineFlowNode>) {
  const { graphNode, figure, health, selected } = data
  const classes = ['op-node', `op-node-${graphNode.kind}`, health ? `op-health-${health}` : '', graphNode.pending > 0 ? 'op-node-pending' : '', selected ? 'op-node-selected' : '']
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid={`graph-node-${graphNode.id}`}
      data-kind={graphNode.kind}
      data-health={health ?? undefined}
      title={graphNode.id}
    >
      <Handle type="target" position={Position.Left} />
      <div className="op-node-kind">{KIND_LABEL[graphNode.kind]}</div>
      <div className="op-node-label">{graphNode.label}</div>
      <div className="op-node-figures">
        <span data-testid="node-count">{figure}</span>
        {graphNode.pending > 0 ? <span className="op-node-pending-count">{graphNode.pending} pending</span> : null}
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  )
}

/** A pipeline's frame with its name, drawn under its nodes. */
export function PipelineGroupNode({ data }: NodeProps<GroupFlowNode>) {
  return (
    <div className="op-pipeline-frame" data-testid={`pipeline-frame-${data.label}`}>
      <span className="op-pipeline-name">{data.label}</span>
    </div>
  )
}
