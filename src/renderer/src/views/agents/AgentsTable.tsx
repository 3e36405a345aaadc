import type { AgentInfo } from '@shared/api'
import { formatDuration } from '../../components/operator/format'
import { useNow } from '../../components/operator/use-now'
import { agentsSelectors, heartbeatSec } from '../../stores/agents-selectors'
import { setShowStale, stopAgent, useAgentsStore } from '../../stores/agents-store'
import { useConnectionStore } from '../../stores/connection-store'
import { useTopologyStore } from '../../stores/topology-store'
import { useStopGuard } from './stop-guard'

const ago = (ts: number, nowMs: number) => (ts ? `${Math.max(0, Math.round(nowMs / 1000 - heartbeatSec(ts)))} s ago` : '–')
/** Hops take microseconds to seconds: a fixed 3-decimal "s" showed 0.000 for every demo agent. */
const avg = (agent: AgentInfo) => (agent.runs > 0 ? formatDuration(agent.avgTimeSec * 1000) : '–')

/** One row per agent on any host; stale stopped/dead rows are folded away. */
export function AgentsTable() {
  const agents = useAgentsStore((s) => s.agents)
  const staleAfterSec = useAgentsStore((s) => s.staleAfterSec)
  const showStale = useAgentsStore((s) => s.showStale)
  const now = useNow(1000)
  const connected = useConnectionStore((s) => s.status?.state === 'connected')
  const guard = useStopGuard()
  const { shown, folded } = agentsSelectors.split(agents, now / 1000, staleAfterSec)
  const rows = showStale ? agents : shown

  const stop = (agent: AgentInfo) => {
    const last = agentsSelectors.stopsLastConsumer(agents, agent.role, [agent.agentId])
    const groups = agentsSelectors.groupsOf(useTopologyStore.getState().snapshot, agent)
    guard({ what: `Agent ${agent.agentId}`, groups, run: () => stopAgent(agent.agentId) }, last)
  }
  // Disconnected, an empty list says nothing about the agents: say what is known instead.
  if (agents.length === 0 && !connected) return <p className="op-note" data-testid="no-agents">Not connected: agents cannot be listed until Redis answers again.</p>
  if (agents.length === 0) return <p className="op-note" data-testid="no-agents">No agents yet.</p>
  return (
    <>
      <table className="table" data-testid="agents-table">
        <thead>
          <tr>
            <th>Role</th><th>Agent</th><th>Status</th><th>Host</th><th className="num">Runs</th><th className="num">Avg time</th><th>Heartbeat</th><th />
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.agentId} data-agent-id={a.agentId} data-role={a.role} data-status={a.status} data-local={a.local || undefined}>
              <td>{a.role}</td>
              <td className="mono">{a.agentId}</td>
              <td><span className={`status status-${a.status}`}>{a.status}</span></td>
              <td title={a.local ? 'started by this app' : 'another process'}>
                {agentsSelectors.where(a)}
                {a.local ? ' (this app)' : ''}
              </td>
              <td className="num">{a.runs}</td>
              <td className="num" data-testid="avg-time">{avg(a)}</td>
              <td>{ago(a.lastHeartbeatTs, now)}</td>
              <td>
                {a.local && a.status !== 'stopped' ? (
                  <button type="button" onClick={() => stop(a)} aria-label={`stop ${a.agentId}`}>Stop</button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {folded.length > 0 ? (
        <button type="button" className="op-link" data-testid="stale-toggle" onClick={() => setShowStale(!showStale)}>
          {showStale ? `Fold ${folded.length} stale agent(s)` : `${folded.length} stopped or dead agent(s) folded away — show`}
        </button>
      ) : null}
    </>
  )
}
