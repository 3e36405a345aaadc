import { useState } from 'react'
import { call } from '../../api/client'
import { agentsActions, agentsSelectors, useAgentsStore } from '../../stores/agents-store'
import { messageOf } from '../field-errors'

/** Start, stop and scale the roles this process's runtime can run. */
export function RoleControls() {
  const roles = useAgentsStore((s) => s.roles)
  const agents = useAgentsStore((s) => s.agents)
  const [error, setError] = useState<string | null>(null)
  const act = (work: Promise<unknown>) => {
    setError(null)
    work.then(() => agentsActions.refresh()).catch((e: unknown) => setError(messageOf(e)))
  }
  const scale = (role: string, instances: number) => act(call('agents.scale', { role, instances: Math.max(0, Math.min(32, instances)) }))

  return (
    <>
      {error && <p className="error" role="alert">{error}</p>}
      <table className="table" data-testid="role-controls">
        <thead>
          <tr><th>Role</th><th>Pipeline</th><th>Running here</th><th /></tr>
        </thead>
        <tbody>
          {roles.map((r) => {
            const running = agentsSelectors.countByRole(agents, r.role)
            return (
              <tr key={r.role} data-role-control={r.role}>
                <td title={r.description}>{r.role}</td>
                <td>{r.pipeline}</td>
                <td className="num" data-testid="running-count">{running}</td>
                <td className="actions">
                  <button type="button" onClick={() => act(call('agents.start', { role: r.role }))}>Start</button>
                  <button type="button" disabled={running === 0} onClick={() => act(call('agents.stop', { role: r.role }))}>Stop</button>
                  <button type="button" onClick={() => scale(r.role, running + 1)} aria-label={`scale ${r.role} up`}>+</button>
                  <button type="button" disabled={running === 0} onClick={() => scale(r.role, running - 1)} aria-label={`scale ${r.role} down`}>−</button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </>
  )
}
