import { useEffect } from 'react'
import { useAgentsStore, agentsActions } from '../../stores/agents-store'
import { AgentsTable } from './AgentsTable'
import { RoleControls } from './RoleControls'

/** Every agent seen through heartbeats (all hosts), and start/stop/scale of this process's roles. */
export function AgentsView() {
  const error = useAgentsStore((s) => s.error)
  useEffect(() => agentsActions.follow(), [])
  return (
    <section data-view="agents" className="view">
      <h2>Agents</h2>
      {error && <p className="error" role="alert">{error}</p>}
      <AgentsTable />
      <h3>Roles of this process</h3>
      <RoleControls />
    </section>
  )
}
