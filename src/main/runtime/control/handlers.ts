// The agents.* methods of the ControlApi, answered by this process's runtime.
import { HandlerError } from '@shared/result'
import type { AgentInfo } from '@shared/api/models'
import type { HandlerGroup } from '../../api/handler-types'
import type { AgentMethod } from '../../api/method-groups'
import type { AgentRuntime } from '../core/agent-runtime'
import { readAgentRegistry } from './registry'
import { roleConsumerAgents } from './role-consumers'
import { roleDescriptions } from '../agents/role-catalog'
import { noAgentsModule, type AgentsModuleControl } from './agents-module-control'

function need(getRuntime: () => AgentRuntime | null): AgentRuntime {
  const runtime = getRuntime()
  if (!runtime) throw new HandlerError('not_connected', 'The agent runtime is not running: connect to Redis first')
  return runtime
}

/** Registry rows (every host, dead ones marked) with this process's agents on top of theirs, and consumer-only agents. */
export async function listAgents(runtime: AgentRuntime): Promise<AgentInfo[]> {
  const merged = new Map<string, AgentInfo>()
  for (const info of await readAgentRegistry(runtime.commandClient())) merged.set(info.agentId, info)
  for (const info of runtime.localAgents()) merged.set(info.agentId, info)
  // Consumers of role groups that send no heartbeat at all: listed too, "seen as consumer".
  for (const info of await roleConsumerAgents(runtime.commandClient(), [...merged.values()]).catch(() => [])) merged.set(info.agentId, info)
  return [...merged.values()].sort((a, b) => a.role.localeCompare(b.role) || a.agentId.localeCompare(b.agentId))
}

function knownRole(runtime: AgentRuntime, role: string): string {
  const known = runtime.roles.describe().map((r) => r.role)
  if (!known.includes(role)) throw new HandlerError('not_found', `role: no role "${role}" here; known: ${known.join(', ')}`)
  return role
}

/** The agents.* part of the ControlApi; the module requests go to whoever hosts the user's agents module. */
export function createRuntimeHandlers(
  getRuntime: () => AgentRuntime | null,
  agentsModule: AgentsModuleControl = noAgentsModule,
): HandlerGroup<AgentMethod> {
  return {
    // The user's roles (agents module) with the built-ins, once a runtime is there.
    'agents.roles': async () => getRuntime()?.roles.describe() ?? roleDescriptions,
    'agents.list': async () => listAgents(need(getRuntime)),
    'agents.start': async ({ role, instances }) => need(getRuntime).startRole(knownRole(need(getRuntime), role), instances),
    'agents.stop': async ({ agentId, role, drain }) => {
      const runtime = need(getRuntime)
      if (agentId) {
        if (!runtime.localAgents().some((a) => a.agentId === agentId)) {
          throw new HandlerError('not_found', `Agent ${agentId} is not running in this process (use broadcast to stop remote agents)`)
        }
        await runtime.stopAgent(agentId, { drain })
        return { stopped: [agentId] }
      }
      return { stopped: await runtime.stopRole(role ?? '', { drain }) }
    },
    'agents.scale': async ({ role, instances }) => need(getRuntime).scale(knownRole(need(getRuntime), role), instances),
    'agents.broadcast': async ({ command, role }) => ({ receivers: await need(getRuntime).broadcast(command, role) }),
    'agents.module': async () => agentsModule.status(),
    'agents.setModule': async ({ path }) => agentsModule.set(path),
    'agents.reload': async ({ role }) => {
      need(getRuntime)
      return agentsModule.reload(role)
    },
  }
}
