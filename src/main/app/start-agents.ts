import type { AgentRuntime } from '../runtime'
import { isNoPermission, noPermissionSentence } from '../redis/acl-errors'

/**
 * Starts `instances` agents of each role while `current()` holds. The user's
 * rights decide which run: every refused role is named with its missing
 * right in one error, after the others started.
 */
export async function startAgents(runtime: AgentRuntime, counts: ReadonlyMap<string, number>, current: () => boolean): Promise<void> {
  const refused: string[] = []
  for (const [role, instances] of counts) {
    if (!current()) break
    if (instances <= 0) continue
    await runtime.startRole(role, instances).catch((error: unknown) => {
      if (!isNoPermission(error)) throw error
      refused.push(`${role}: ${noPermissionSentence(error)}`)
    })
  }
  if (refused.length > 0) throw new Error(`agents not started: ${refused.join('; ')}`)
}
