import {
  AGGREGATOR_GROUP,
  COORDINATOR_GROUP,
  DOC_SUMMARY,
  DOC_TASKS,
  docReviewStream,
  docSuggestionsStream,
  reviewTypes,
  roleStream,
  specialistGroup,
} from '../../../shared/keys'

/** Who writes where in the two pipelines the seeds describe, before any journal hop is seen. */
export interface KnownWrite {
  role: string
  stream: string
}

export const KNOWN_WRITES: readonly KnownWrite[] = [
  // Seed 001 demo: manager forwards to uppercase and reverse; they answer the manager.
  { role: 'external', stream: roleStream('manager') },
  { role: 'manager', stream: roleStream('uppercase') },
  { role: 'manager', stream: roleStream('reverse') },
  { role: 'uppercase', stream: roleStream('manager') },
  { role: 'reverse', stream: roleStream('manager') },
  // Seed 000 document review: flat fields, one group per role.
  { role: 'external', stream: DOC_TASKS },
  ...reviewTypes.map((type) => ({ role: 'coordinator', stream: docReviewStream(type) })),
  ...reviewTypes.map((type) => ({ role: type, stream: docSuggestionsStream(type) })),
  { role: 'aggregator', stream: DOC_SUMMARY },
]

const groupRoles = new Map<string, string>([
  [COORDINATOR_GROUP, 'coordinator'],
  [AGGREGATOR_GROUP, 'aggregator'],
  ...reviewTypes.map((type): [string, string] => [specialistGroup(type), type]),
])

/**
 * The reader behind a consumer group: a role (cg:role:X, seed 000 groups),
 * an agent (cg:agent:ID), or the group itself when it is someone else's.
 */
export function readerOfGroup(group: string): { kind: 'role' | 'agent' | 'external'; name: string } {
  if (group.startsWith('cg:role:')) return { kind: 'role', name: group.slice('cg:role:'.length) }
  if (group.startsWith('cg:agent:')) return { kind: 'agent', name: group.slice('cg:agent:'.length) }
  const role = groupRoles.get(group)
  return role ? { kind: 'role', name: role } : { kind: 'external', name: group }
}
