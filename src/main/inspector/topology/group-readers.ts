import type { AgentInfo, GroupInfo } from '@shared/api'

export interface GroupReader {
  /** `role`: a role node; `agent`: one agent's own group (no node of its own); `external`: nobody we know. */
  kind: 'role' | 'agent' | 'external'
  name: string
}

/**
 * Who reads through a group, from what is observed and no fixed list: the
 * role of the known agents among its consumers; else the seeds' naming
 * (`cg:role:X`, `cg:agent:ID`, seed 000's `X-group`); else the group itself.
 */
export function readerOfGroup(group: Pick<GroupInfo, 'name' | 'consumers'>, agentRoles: ReadonlyMap<string, string>): GroupReader {
  const name = group.name
  if (name.startsWith('cg:agent:')) return { kind: 'agent', name: name.slice('cg:agent:'.length) }
  if (name.startsWith('cg:role:')) return { kind: 'role', name: name.slice('cg:role:'.length) }
  const roles = new Map<string, number>()
  for (const c of group.consumers) {
    const role = agentRoles.get(c.name)
    if (role) roles.set(role, (roles.get(role) ?? 0) + 1)
  }
  const [top] = [...roles.entries()].sort((a, b) => b[1] - a[1])
  if (top) return { kind: 'role', name: top[0] }
  if (name.endsWith('-group') && name.length > '-group'.length) return { kind: 'role', name: name.slice(0, -'-group'.length) }
  return { kind: 'external', name }
}

/** An agent counts as running when it can take work now: stopped and dead ones do not. */
export function isRunning(agent: Pick<AgentInfo, 'status'>): boolean {
  return agent.status === 'idle' || agent.status === 'busy' || agent.status === 'paused' || agent.status === 'starting'
}
