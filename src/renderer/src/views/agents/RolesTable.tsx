import type { AgentInfo } from '@shared/api'
import { agentsSelectors, isRunning, type AgentCommand } from '../../stores/agents-selectors'
import { scaleRole, sendCommand, startRole, useAgentsStore } from '../../stores/agents-store'
import { useTopologyStore } from '../../stores/topology-store'
import { useStopGuard } from './stop-guard'

const COMMANDS: Array<{ command: AgentCommand; label: string }> = [
  { command: 'pause', label: 'Pause' },
  { command: 'resume', label: 'Resume' },
  { command: 'reload', label: 'Reload' },
  { command: 'start', label: 'Start' },
  { command: 'stop', label: 'Stop' },
]

function groupsOfRole(agents: readonly AgentInfo[], role: string): string[] {
  const snapshot = useTopologyStore.getState().snapshot
  const groups = new Set<string>()
  for (const agent of agents.filter((a) => a.role === role)) for (const g of agentsSelectors.groupsOf(snapshot, agent)) groups.add(g)
  return groups.size ? [...groups].sort() : [`cg:role:${role}`]
}

/**
 * Every role seen on any host: broadcast commands reach its agents wherever
 * they run; start and scale act on this process's runtime (its roles only).
 */
export function RolesTable() {
  const roles = useAgentsStore((s) => s.roles)
  const agents = useAgentsStore((s) => s.agents)
  const guard = useStopGuard()
  const runtimeRoles = new Map(roles.map((r) => [r.role as string, r]))
  const seen = new Set(agentsSelectors.rolesSeen(agents))
  const all = [...new Set([...seen, ...runtimeRoles.keys()])].sort()

  const broadcast = (command: AgentCommand, role: string) => {
    if (command !== 'stop') return void sendCommand(command, role)
    const running = agents.filter((a) => a.role === role && isRunning(a)).map((a) => a.agentId)
    guard({ what: `Every ${role} agent (${running.length})`, groups: groupsOfRole(agents, role), run: () => sendCommand('stop', role) }, running.length > 0)
  }
  const scaleTo = (role: string, instances: number) => {
    const local = agents.filter((a) => a.role === role && a.local && isRunning(a)).map((a) => a.agentId)
    const stopping = local.slice(Math.max(0, instances))
    const last = stopping.length > 0 && agentsSelectors.stopsLastConsumer(agents, role, stopping)
    guard({ what: `The last ${role} agent`, groups: groupsOfRole(agents, role), run: () => scaleRole(role, instances) }, last)
  }

  return (
    <table className="table" data-testid="role-controls">
      <thead>
        <tr>
          <th>Role</th><th>Pipeline</th><th className="num">Running</th><th className="num">Here</th><th>Every host (broadcast)</th><th>This app</th>
        </tr>
      </thead>
      <tbody>
        {all.map((role) => {
          const described = runtimeRoles.get(role)
          const here = agentsSelectors.countRunningLocal(agents, role)
          return (
            <tr key={role} data-role-control={role}>
              <td title={described?.description}>{role}</td>
              <td>{described?.pipeline ?? 'other process'}</td>
              <td className="num" data-testid="running-all">{agentsSelectors.countRunning(agents, role)}</td>
              <td className="num" data-testid="running-count">{here}</td>
              <td>
                {seen.has(role) ? (
                  <div className="actions">
                    {COMMANDS.map(({ command, label }) => (
                      <button key={command} type="button" onClick={() => broadcast(command, role)} aria-label={`${command} ${role}`}>
                        {label}
                      </button>
                    ))}
                  </div>
                ) : (
                  <span className="op-note">no agents</span>
                )}
              </td>
              <td>
                {described ? (
                  <div className="actions">
                    <button type="button" onClick={() => void startRole(described.role)} aria-label={`start ${role} here`}>Start here</button>
                    <button type="button" onClick={() => scaleTo(described.role, here + 1)} aria-label={`scale ${role} up`}>+</button>
                    <button type="button" disabled={here === 0} onClick={() => scaleTo(described.role, here - 1)} aria-label={`scale ${role} down`}>−</button>
                  </div>
                ) : null}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
