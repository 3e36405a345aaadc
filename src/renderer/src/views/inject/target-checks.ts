import { runtimeRoles, type InjectTemplate, type TopologySnapshot } from '@shared/api'
import { agentStream, roleStream } from '@shared/keys'

/** Roles an envelope may go to: the runtime's own, roles with a stream, roles of live agents. Pure. */
export function knownRoles(snapshot: TopologySnapshot | null): string[] {
  const roles = new Set<string>(runtimeRoles)
  for (const info of snapshot?.streams ?? []) if (info.key.startsWith('stream:role:')) roles.add(info.key.slice('stream:role:'.length))
  for (const agent of snapshot?.agents ?? []) roles.add(agent.role)
  return [...roles].sort()
}

/** Refuses a role or agent nobody knows: sending would create a stray stream nobody reads. */
export function unknownTargetError(kind: 'role' | 'agent', name: string, snapshot: TopologySnapshot | null): string | null {
  if (!name) return null
  if (kind === 'role') {
    const roles = knownRoles(snapshot)
    return roles.includes(name) ? null : `no role "${name}" is known; known roles: ${roles.join(', ')}`
  }
  if (!snapshot) return null // agents are not known before the first snapshot: main decides
  const agents = snapshot.agents
  if (agents.some((a) => a.agentId === name)) return null
  if (snapshot.streams.some((s) => s.key === agentStream(name))) return null
  return `no agent "${name}" is known (see the Agents view for their ids)`
}

/** The stream an injection writes to. */
export const targetStream = (kind: 'role' | 'agent', name: string): string => (kind === 'role' ? roleStream(name) : agentStream(name))

/** A warning when no consumer group reads the stream: the entry would sit there unread. */
export function noReaderWarning(stream: string, snapshot: TopologySnapshot | null): string | null {
  if (!snapshot || !stream) return null
  const info = snapshot.streams.find((s) => s.key === stream)
  if (!info) return `${stream} does not exist yet and no consumer group reads it: the entry will sit unread.`
  if (info.groups.length === 0) return `No consumer group reads ${stream}: the entry will sit unread.`
  return null
}

const typeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value)

/**
 * The template's payload read as its schema: every field it has must be there
 * with the same JSON type (`{"text": 42}` is refused where `text` is a string).
 * Answers the first mismatch, named by its path.
 */
export function payloadSchemaError(payload: Record<string, unknown>, template: Record<string, unknown>): string | null {
  for (const [key, expected] of Object.entries(template)) {
    const want = typeOf(expected)
    if (!(key in payload)) return `payload.${key} is missing (the template has a ${want})`
    const got = typeOf(payload[key])
    if (got !== want) return `payload.${key} must be a ${want}, not a ${got} (${JSON.stringify(payload[key])})`
  }
  return null
}

/** The envelope template for this target: the chosen one, else the first that targets the same role or agent. */
export function templateFor(templates: InjectTemplate[], chosenId: string, kind: 'role' | 'agent', name: string): InjectTemplate | undefined {
  const chosen = templates.find((t) => t.id === chosenId && t.envelope)
  if (chosen?.envelope && chosen.envelope.target.kind === kind && chosen.envelope.target.name === name) return chosen
  return templates.find((t) => t.envelope?.target.kind === kind && t.envelope.target.name === name)
}
