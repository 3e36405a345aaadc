// Roles a runtime can start besides the built-in ones (a user's agent classes).
import type { RoleDescription } from '@shared/api/responses'
import { createAgentForRole, roleDescriptions } from '../agents/role-catalog'
import type { StreamAgent } from './stream-agent'

/** A role this runtime can start besides the built-ins: a user's agent class, usually. */
export interface RoleDefinition {
  create: () => StreamAgent
  description: string
  /** Where it came from, for messages (e.g. "agents.ts: export ShoutAgent"). */
  source: string
}

/**
 * The roles a runtime starts by name: defined ones (user agents) first, so a
 * user's `ManagerAgent` takes the place of the built-in manager, then the built-ins.
 */
export class RoleFactories {
  private readonly defined = new Map<string, RoleDefinition>()

  define(role: string, definition: RoleDefinition): void {
    this.defined.set(role, definition)
  }

  undefine(role: string): void {
    this.defined.delete(role)
  }

  definition(role: string): RoleDefinition | undefined {
    return this.defined.get(role)
  }

  definedRoles(): string[] {
    return [...this.defined.keys()]
  }

  create(role: string): StreamAgent {
    return this.defined.get(role)?.create() ?? createAgentForRole(role)
  }

  describe(): RoleDescription[] {
    const user: RoleDescription[] = [...this.defined].map(([role, d]) => ({ role, pipeline: 'user', description: d.description }))
    return [...user, ...roleDescriptions.filter((r) => !this.defined.has(r.role))]
  }
}
