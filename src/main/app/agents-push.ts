import type { AgentInfo } from '@shared/api'
import type { EventBus } from './event-bus'

/** How often the agents list is re-read for listeners (heartbeats are coarser). */
export const AGENTS_PUSH_INTERVAL_MS = 1_000

/**
 * Pushes 'agents' while someone listens and only when the list changed, so the
 * Agents view follows starts, stops and other hosts' heartbeats without polling.
 */
export function startAgentsPush(bus: EventBus, listAgents: () => Promise<AgentInfo[]>): () => void {
  let last = ''
  let busy = false
  const timer = setInterval(() => {
    if (busy || !bus.hasListeners('agents')) return
    busy = true
    listAgents()
      .then((agents) => {
        // Heartbeat timestamps change every beat; compare what the operator sees.
        const key = JSON.stringify(agents.map((a) => [a.agentId, a.status, a.runs]))
        if (key !== last) {
          last = key
          bus.publish('agents', agents)
        }
      })
      .catch(() => undefined) // not connected: the connection badge says so
      .finally(() => (busy = false))
  }, AGENTS_PUSH_INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
