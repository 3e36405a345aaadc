import { useEffect, useState } from 'react'
import type { GraphNode, RuntimeRole } from '@shared/api'
import { ConfirmDialog } from '../../components/operator/ConfirmDialog'
import { openView, traceHref } from '../../components/operator/navigate'
import { agentsSelectors } from '../../stores/agents-selectors'
import { scaleRole, startRole, stopLocalRole, useAgentsStore } from '../../stores/agents-store'
import { choosePending } from '../../stores/pending-store'
import { openStream } from '../../stores/streams-store'
import { graphSelectors } from '../../stores/topology-graph-selectors'
import { loadRecentResults, trimStream, useTopologyGraphStore } from '../../stores/topology-graph-store'
import { topologySelectors } from '../../stores/topology-selectors'
import { useTopologyStore } from '../../stores/topology-store'

/** A stream: length, rate, its groups with lag and pending; open it in Streams, or trim it. */
export function StreamPanel({ node }: { node: GraphNode }) {
  const key = node.label
  const info = useTopologyStore((s) => topologySelectors.stream(s, key))
  const [trimming, setTrimming] = useState(false)
  const [keep, setKeep] = useState(1000)
  if (!info) return <p className="op-note">The stream is gone.</p>
  return (
    <>
      <dl className="facts">
        <dt>Length</dt>
        <dd data-testid="panel-length">{info.length.toLocaleString()}</dd>
        <dt>Added</dt>
        <dd>{graphSelectors.rateText(info.ratePerSec)}</dd>
        <dt>Memory</dt>
        <dd>{info.memoryBytes === null ? '–' : `${Math.round(info.memoryBytes / 1024).toLocaleString()} KiB`}</dd>
      </dl>
      <table className="table" aria-label="Groups">
        <thead>
          <tr><th>Group</th><th className="num">Consumers</th><th className="num">Pending</th><th className="num">Lag</th></tr>
        </thead>
        <tbody>
          {info.groups.map((g) => (
            <tr key={g.name}>
              <td>{g.name}</td>
              <td className="num">{g.consumers.length}</td>
              <td className="num">{g.pending}</td>
              <td className="num">{g.lag ?? '?'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => (void openStream(key), openView('streams'))}>Open in Streams</button>
        <button type="button" onClick={() => setTrimming(true)}>Trim…</button>
      </div>
      {trimming ? (
        <ConfirmDialog
          title={`Trim ${key}`}
          confirmLabel={`Keep the newest ${keep}`}
          danger
          onConfirm={() => void trimStream(key, keep).then((o) => o.ok && setTrimming(false))}
          onCancel={() => setTrimming(false)}
        >
          <label>
            Entries to keep
            <input type="number" min={0} value={keep} onChange={(e) => setKeep(Math.max(0, Math.floor(Number(e.target.value))))} />
          </label>
          <p>Older entries are deleted for good, pending ones too ({info.groups.reduce((n, g) => n + g.pending, 0)} pending now).</p>
        </ConfirmDialog>
      ) : null}
    </>
  )
}

/** A role: its instances on every host, start/stop/scale here, its pending entries. */
export function RolePanel({ node }: { node: GraphNode }) {
  const role = node.label
  const agents = useTopologyStore(topologySelectors.agents)
  const edges = useTopologyStore(topologySelectors.edges)
  const nodes = useTopologyStore(topologySelectors.nodes)
  const runtimeRole = useAgentsStore((s) => s.roles.find((r) => r.role === role)?.role ?? null) as RuntimeRole | null
  const mine = agents.filter((a) => a.role === role)
  const here = useAgentsStore((s) => agentsSelectors.countRunningLocal(s.agents, role))
  const reads = graphSelectors.readsOf(edges, nodes, node.id)
  const openPending = (stream: string, group: string) => {
    void choosePending(stream, group)
    openView('pending')
  }
  return (
    <>
      <p data-testid="panel-health" data-health={graphSelectors.roleHealth(agents, role, node)}>
        {graphSelectors.nodeFigure(node, agents)} · {node.pending} pending
      </p>
      <ul>
        {mine.map((a) => (
          <li key={a.agentId}>
            <code>{a.agentId}</code> <span className={`status status-${a.status}`}>{a.status}</span> {a.host}
          </li>
        ))}
      </ul>
      {runtimeRole ? (
        <div className="actions">
          <span className="op-note">Here: {here}</span>
          <button type="button" onClick={() => void startRole(runtimeRole)}>Start</button>
          <button type="button" onClick={() => void stopLocalRole(runtimeRole)}>Stop here</button>
          <button type="button" onClick={() => void scaleRole(runtimeRole, here + 1)} aria-label={`scale ${role} up`}>+</button>
          <button type="button" disabled={here === 0} onClick={() => void scaleRole(runtimeRole, here - 1)} aria-label={`scale ${role} down`}>−</button>
        </div>
      ) : (
        <p className="op-note">Run by another process: control it from Agents.</p>
      )}
      {reads.map((r) => (
        <button key={`${r.stream}/${r.group}`} type="button" onClick={() => openPending(r.stream, r.group)}>
          Open Pending of {r.group}
        </button>
      ))}
      <button type="button" onClick={() => openView('agents')}>Open Agents</button>
    </>
  )
}

/** The result lists: how many there are and the newest results, each linked to its trace. */
export function ResultsPanel({ node }: { node: GraphNode }) {
  const results = useTopologyGraphStore((s) => s.results)
  useEffect(() => void loadRecentResults(), [node.count])
  return (
    <>
      <p data-testid="panel-results-count">
        {results ? `${results.lists.toLocaleString()}${results.complete ? '' : '+'} result lists` : 'Counting…'}
      </p>
      <ol className="op-results">
        {(results?.recent ?? []).map((r) => (
          <li key={r.entryId} className={r.error ? 'op-bad' : undefined}>
            <a href={traceHref(r.messageId)}>{r.messageId}</a> <span className="op-flat">{r.preview}</span>
          </li>
        ))}
      </ol>
    </>
  )
}
