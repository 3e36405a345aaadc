import { useState } from 'react'
import type { AgentInfo } from '../../../../shared/api'
import { call } from '../../api/client'
import { agentsActions, useAgentsStore } from '../../stores/agents-store'
import { messageOf } from '../field-errors'

/** Heartbeats carry seconds (as in the seed); tolerate milliseconds too. */
const toMs = (ts: number) => (ts < 1e12 ? ts * 1000 : ts)
const age = (ts: number) => (ts ? `${Math.max(0, Math.round((Date.now() - toMs(ts)) / 1000))} s ago` : '–')

/** One row per agent; local ones can be stopped here, remote ones by broadcast. */
export function AgentsTable() {
  const agents = useAgentsStore((s) => s.agents)
  const [error, setError] = useState<string | null>(null)
  const stop = (agent: AgentInfo) => {
    call('agents.stop', { agentId: agent.agentId })
      .then(() => agentsActions.refresh())
      .catch((e: unknown) => setError(messageOf(e)))
  }
  if (agents.length === 0) return <p className="hint" data-testid="no-agents">No agents yet.</p>
  return (
    <>
      {error && <p className="error" role="alert">{error}</p>}
      <table className="table" data-testid="agents-table">
        <thead>
          <tr>
            <th>Role</th><th>Agent</th><th>Status</th><th>Host</th><th>Runs</th><th>Avg s</th><th>Heartbeat</th><th />
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => (
            <tr key={a.agentId} data-agent-id={a.agentId} data-role={a.role} data-status={a.status}>
              <td>{a.role}</td>
              <td className="mono">{a.agentId}</td>
              <td><span className={`status status-${a.status}`}>{a.status}</span></td>
              <td>{a.host}{a.local ? ' (this app)' : ''}</td>
              <td className="num">{a.runs}</td>
              <td className="num">{a.avgTimeSec.toFixed(3)}</td>
              <td>{age(a.lastHeartbeatTs)}</td>
              <td>{a.local && a.status !== 'stopped' && <button type="button" onClick={() => stop(a)}>Stop</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
