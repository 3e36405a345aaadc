// Applying one broadcast control command (pause, resume, stop, reload) to this process's agents.
import type { ControlCommand } from './control-bus'
import type { AgentContext } from './lifecycle'
import type { StreamAgent } from '../core/stream-agent'

/** Runs on a `reload` control command (this process's roles, or one role's); errors go to 'error'. */
export type ReloadHandler = (role: string | null) => Promise<void>

/**
 * A control command from broadcast:all (role null) or broadcast:role:{role},
 * applied to this process's agents. `reload` also runs the reload handlers
 * (the user's agents module is imported afresh there).
 */
export function applyControlCommand(
  command: ControlCommand,
  role: string | null,
  agents: Iterable<StreamAgent>,
  parts: { context: () => AgentContext; reloadHandlers: Iterable<ReloadHandler>; reportError: (error: unknown) => void },
): void {
  if (command === 'reload') {
    for (const handler of parts.reloadHandlers) handler(role).catch(parts.reportError)
  }
  for (const agent of agents) {
    if (role !== null && agent.role !== role) continue
    if (command === 'pause') agent.pause()
    else if (command === 'resume') agent.resume()
    else if (command === 'reload') agent.reload()
    else if (command === 'stop' && agent.status !== 'stopped') void agent.stop({ drain: true })
    else if (command === 'start' && agent.status === 'stopped') void agent.start(parts.context()).catch(parts.reportError)
  }
}
