import type { AgentInfo, TopologySnapshot } from '@shared/api'

export type AgentCommand = 'stop' | 'start' | 'pause' | 'resume' | 'reload'

export interface SentCommand {
  command: AgentCommand
  role: string | null
  sentAtSec: number
  /** Processes subscribed to the channel when it was published. */
  receivers: number
}

/** Heartbeats carry seconds (as in the seed); tolerate milliseconds too. */
export const heartbeatSec = (ts: number): number => (ts > 1e11 ? ts / 1000 : ts)

const RUNNING = new Set<AgentInfo['status']>(['starting', 'idle', 'busy', 'paused'])
export const isRunning = (agent: AgentInfo): boolean => RUNNING.has(agent.status)

/** Statuses that show the command took effect. */
const ANSWERED: Record<AgentCommand, (agent: AgentInfo) => boolean> = {
  pause: (a) => a.status === 'paused',
  resume: (a) => a.status === 'idle' || a.status === 'busy',
  stop: (a) => a.status === 'stopped' || a.status === 'stopping',
  start: (a) => a.status === 'idle' || a.status === 'busy' || a.status === 'starting',
  reload: (a) => isRunning(a),
}

/** Plain functions over agents; unit-tested without React. */
export const agentsSelectors = {
  /** Agents of the role started by this process and still running. */
  countRunningLocal(agents: readonly AgentInfo[], role: string): number {
    return agents.filter((a) => a.role === role && a.local && isRunning(a)).length
  },
  countRunning(agents: readonly AgentInfo[], role: string): number {
    return agents.filter((a) => a.role === role && isRunning(a)).length
  },
  /** Stopped or dead with no heartbeat for staleAfterSec: folded away unless asked for. */
  isStale(agent: AgentInfo, nowSec: number, staleAfterSec: number): boolean {
    return !isRunning(agent) && nowSec - heartbeatSec(agent.lastHeartbeatTs) > staleAfterSec
  },
  split(agents: readonly AgentInfo[], nowSec: number, staleAfterSec: number): { shown: AgentInfo[]; folded: AgentInfo[] } {
    const shown: AgentInfo[] = []
    const folded: AgentInfo[] = []
    for (const agent of agents) (agentsSelectors.isStale(agent, nowSec, staleAfterSec) ? folded : shown).push(agent)
    return { shown, folded }
  },
  /** Roles seen on any host, sorted: each can be commanded by broadcast. */
  rolesSeen(agents: readonly AgentInfo[]): string[] {
    return [...new Set(agents.map((a) => a.role))].sort()
  },
  /** Host and process: many workers share a host name ("vm" here), the pid tells them apart. */
  where(agent: AgentInfo): string {
    const host = agent.host || 'unknown host'
    return agent.pid ? `${host} · pid ${agent.pid}` : host
  },
  /** The consumer groups the agent reads through (its consumer name is its id), from the topology. */
  groupsOf(snapshot: TopologySnapshot | null, agent: AgentInfo): string[] {
    const found = new Set<string>()
    for (const stream of snapshot?.streams ?? []) {
      for (const group of stream.groups) if (group.consumers.some((c) => c.name === agent.agentId)) found.add(group.name)
    }
    // Agent streams (cg:agent:…) are its own; the shared ones are what the operator loses.
    const shared = [...found].filter((g) => !g.startsWith('cg:agent:'))
    return shared.length ? shared.sort() : [`cg:role:${agent.role}`]
  },
  /**
   * Would stopping these agents leave their role with no running instance on
   * any host? Then the group they read through gets no consumer.
   */
  stopsLastConsumer(agents: readonly AgentInfo[], role: string, stopping: readonly string[]): boolean {
    const gone = new Set(stopping)
    const running = agents.filter((a) => a.role === role && isRunning(a))
    return running.length > 0 && running.every((a) => gone.has(a.agentId))
  },
  /** Agents that answered the last command: their status shows it, reported after it was sent. */
  answers(agents: readonly AgentInfo[], sent: SentCommand | null): AgentInfo[] {
    if (!sent) return []
    const answered = ANSWERED[sent.command]
    return agents.filter(
      (a) =>
        (sent.role === null || a.role === sent.role) &&
        heartbeatSec(a.lastHeartbeatTs) >= sent.sentAtSec - 0.5 &&
        answered(a),
    )
  },
}
