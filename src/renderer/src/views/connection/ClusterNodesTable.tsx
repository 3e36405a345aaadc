import { useEffect } from 'react'
import { refreshClusterNodes, slotRangesText, useClusterNodesStore } from '../../stores/cluster-nodes-store'

/** How often the node list is read again while it is shown: a failover shows within this. */
export const CLUSTER_NODES_REFRESH_MS = 2_000

/** A Cluster's nodes: address, master or replica (and of which master), slot ranges, reachable. */
export function ClusterNodesTable() {
  const { answer, error } = useClusterNodesStore()
  useEffect(() => {
    void refreshClusterNodes()
    const timer = setInterval(() => void refreshClusterNodes(), CLUSTER_NODES_REFRESH_MS)
    return () => clearInterval(timer)
  }, [])
  const problem = error ?? answer?.error ?? null
  return (
    <div data-testid="cluster-nodes">
      <h3>Cluster nodes</h3>
      {problem && <p className="error" role="alert">{problem}</p>}
      {answer && answer.nodes.length > 0 && (
        <table className="op-table">
          <thead>
            <tr><th>Address</th><th>Role</th><th>Follows</th><th>Slots</th><th>Reachable</th></tr>
          </thead>
          <tbody>
            {answer.nodes.map((node) => (
              <tr key={node.id} data-node={node.address} data-role={node.role} data-reachable={String(node.reachable)}>
                <td>{node.address}</td>
                <td>{node.role}</td>
                <td>{node.replicaOf ?? '–'}</td>
                <td>{slotRangesText(node.slots)}</td>
                <td className={node.reachable ? undefined : 'error'}>
                  {node.reachable ? 'yes' : `no${node.flags.length ? ` (${node.flags.join(', ')})` : ''}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
