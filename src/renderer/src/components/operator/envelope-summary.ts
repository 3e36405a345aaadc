import type { Envelope } from '@shared/envelope'

export interface EnvelopeSummary {
  /** Where it is going: target role, else target agent. */
  role: string
  /** payload.stage, the seeds' pipeline position marker. */
  stage: string
  kind: string
  processCount: number
  /** Role of the last hop in its trace. */
  lastHop: string
}

export function summarizeEnvelope(env: Envelope): EnvelopeSummary {
  const stage = env.payload['stage']
  const last = env.trace[env.trace.length - 1]
  return {
    role: env.target_role ?? (env.target_agent_id ? `agent ${env.target_agent_id}` : ''),
    stage: typeof stage === 'string' ? stage : '',
    kind: env.kind,
    processCount: env.process_count,
    lastHop: last ? last.role : '',
  }
}
