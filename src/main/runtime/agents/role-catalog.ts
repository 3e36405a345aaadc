// Which roles this runtime can start, per pipeline, and the agent class behind each.
import type { RoleDescription } from '@shared/api/responses'
import { runtimeRoles, type RuntimeRole } from '@shared/api/requests'
import { ManagerAgent, ReverseAgent, UppercaseAgent } from './demo-agents'
import { AggregatorAgent, CoordinatorAgent, SpecialistAgent } from './doc-review-agents'
import { StatsAgent } from '../stats/stats-agent'
import type { StreamAgent } from '../core/stream-agent'

export const roleDescriptions: RoleDescription[] = [
  { role: 'manager', pipeline: 'demo', description: 'Routes the demo envelope: start → uppercase → reverse → result list' },
  { role: 'uppercase', pipeline: 'demo', description: 'Upper-cases payload.text' },
  { role: 'reverse', pipeline: 'demo', description: 'Reverses payload.text' },
  { role: 'stats', pipeline: 'system', description: 'Collects lifecycle events; writes agent_statistics.txt' },
  { role: 'coordinator', pipeline: 'doc-review', description: 'doc.review.tasks → fan-out to the four specialists' },
  { role: 'grammar', pipeline: 'doc-review', description: 'doc.review.grammar → doc.suggestions.grammar' },
  { role: 'clarity', pipeline: 'doc-review', description: 'doc.review.clarity → doc.suggestions.clarity' },
  { role: 'tone', pipeline: 'doc-review', description: 'doc.review.tone → doc.suggestions.tone' },
  { role: 'structure', pipeline: 'doc-review', description: 'doc.review.structure → doc.suggestions.structure' },
  { role: 'aggregator', pipeline: 'doc-review', description: 'doc.suggestions.* → doc.review.summary' },
]

export const pipelineRoles: Record<'demo' | 'doc-review' | 'all', RuntimeRole[]> = {
  demo: ['manager', 'uppercase', 'reverse', 'stats'],
  'doc-review': ['coordinator', 'grammar', 'clarity', 'tone', 'structure', 'aggregator'],
  all: [...runtimeRoles],
}

export function isRuntimeRole(role: string): role is RuntimeRole {
  return (runtimeRoles as readonly string[]).includes(role)
}

export function createAgentForRole(role: string): StreamAgent {
  switch (role) {
    case 'manager':
      return new ManagerAgent()
    case 'uppercase':
      return new UppercaseAgent()
    case 'reverse':
      return new ReverseAgent()
    case 'stats':
      return new StatsAgent()
    case 'coordinator':
      return new CoordinatorAgent()
    case 'grammar':
    case 'clarity':
    case 'tone':
    case 'structure':
      return new SpecialistAgent(role)
    case 'aggregator':
      return new AggregatorAgent()
    default:
      throw new Error(`unknown role "${role}"; known roles: ${runtimeRoles.join(', ')}`)
  }
}
