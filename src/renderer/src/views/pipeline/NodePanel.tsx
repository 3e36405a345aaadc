import { useTopologyGraphStore, selectNode } from '../../stores/topology-graph-store'
import { topologySelectors } from '../../stores/topology-selectors'
import { useTopologyStore } from '../../stores/topology-store'
import { ErrorNote } from '../../components/operator/ErrorNote'
import { ResultsPanel, RolePanel, StreamPanel } from './node-panels'
import { openView } from '../../components/operator/navigate'

/** The side panel of the node the operator clicked: its details and what can be done with it. */
export function NodePanel() {
  const selectedId = useTopologyGraphStore((s) => s.selectedNodeId)
  const notice = useTopologyGraphStore((s) => s.notice)
  const error = useTopologyGraphStore((s) => s.error)
  const node = useTopologyStore((s) => topologySelectors.nodes(s).find((n) => n.id === selectedId) ?? null)
  if (!node) return null
  return (
    <aside className="op-detail op-node-panel" aria-label={`${node.kind} ${node.label}`} data-testid="node-panel" data-node-id={node.id}>
      <div className="op-detail-header">
        <h3>
          {node.kind === 'list' ? node.label : <>{node.kind} <code>{node.label}</code></>}
        </h3>
        <button type="button" onClick={() => selectNode(null)} aria-label="Close panel">
          ✕
        </button>
      </div>
      {notice ? <p className="op-notice" role="status">{notice}</p> : null}
      <ErrorNote message={error} />
      {node.kind === 'stream' ? <StreamPanel node={node} /> : null}
      {node.kind === 'role' || node.kind === 'agent' ? <RolePanel node={node} /> : null}
      {node.kind === 'list' ? <ResultsPanel node={node} /> : null}
      {node.kind === 'external' ? (
        <>
          <p className="op-note">Messages from outside the pipeline: requests, the app&apos;s Inject view, other programs.</p>
          <button type="button" onClick={() => openView('inject')}>
            Open Inject
          </button>
        </>
      ) : null}
    </aside>
  )
}
