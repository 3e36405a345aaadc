import { runtimeRoles, type RuntimeRole } from '@shared/api'

/** Seed 001's demo pipeline: what a new user sees running on the embedded Redis. */
export const DEMO_ROLES: RuntimeRole[] = ['manager', 'uppercase', 'reverse', 'stats']

/**
 * Which roles this process starts on connect. SWITCHYARD_AGENTS: "demo",
 * "none" or a comma list of roles. Default: the demo on the embedded Redis,
 * nothing on an external one (the app must not silently join a real pipeline).
 */
export function rolesToStart(env: NodeJS.ProcessEnv, embedded: boolean): RuntimeRole[] {
  const raw = env.SWITCHYARD_AGENTS?.trim()
  if (!raw) return embedded ? DEMO_ROLES : []
  if (raw === 'none') return []
  if (raw === 'demo') return DEMO_ROLES
  const roles = raw.split(',').map((r) => r.trim()).filter(Boolean)
  const unknown = roles.filter((r) => !(runtimeRoles as readonly string[]).includes(r))
  if (unknown.length) {
    throw new Error(`SWITCHYARD_AGENTS: unknown role(s) ${unknown.join(', ')}; known: demo, none, ${runtimeRoles.join(', ')}`)
  }
  return roles as RuntimeRole[]
}

/** The operator's scaling: instances per role, to carry over a rebuilt connection. */
export function instancesByRole(agents: ReadonlyArray<{ role: string }>): Map<string, number> {
  const counts = new Map<string, number>()
  for (const agent of agents) counts.set(agent.role, (counts.get(agent.role) ?? 0) + 1)
  return counts
}
