import { create } from 'zustand'
import type { AgentInfo, RoleDescription } from '../../../shared/api'
import { call, subscribe } from '../api/client'

interface AgentsState {
  agents: AgentInfo[]
  roles: RoleDescription[]
  error: string | null
}

export const useAgentsStore = create<AgentsState>(() => ({ agents: [], roles: [], error: null }))

const sortAgents = (agents: AgentInfo[]) =>
  [...agents].sort((a, b) => a.role.localeCompare(b.role) || a.agentId.localeCompare(b.agentId))

export const agentsActions = {
  setAgents(agents: AgentInfo[]): void {
    useAgentsStore.setState({ agents: sortAgents(agents), error: null })
  },
  async refresh(): Promise<void> {
    try {
      const [agents, roles] = await Promise.all([call('agents.list', {}), call('agents.roles', {})])
      useAgentsStore.setState({ agents: sortAgents(agents), roles, error: null })
    } catch (error) {
      useAgentsStore.setState({ error: error instanceof Error ? error.message : String(error) })
    }
  },
  /**
   * Follows main's 'agents' pushes (registry merged with this process's own
   * agents). Not the topology's list: that one is the bare registry, without
   * knowing which agents are local, and the two would flap.
   */
  follow(): () => void {
    const off = subscribe('agents', (agents) => agentsActions.setAgents(agents))
    void agentsActions.refresh()
    return off
  },
}

export const agentsSelectors = {
  countByRole(agents: AgentInfo[], role: string): number {
    return agents.filter((a) => a.role === role && a.local && a.status !== 'stopped' && a.status !== 'dead').length
  },
}
