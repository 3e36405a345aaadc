// The manager agent's routing as a pure state machine, testable without Redis.
import type { Envelope } from '@shared/envelope'

/** Where the manager sends an envelope next: a role with a new stage, or the caller's result list. */
export type ManagerStep =
  | { kind: 'forward'; role: string; stage: string }
  | { kind: 'finish' }
  | { kind: 'fail'; code: 'manager.stage'; message: string }

/**
 * Seed 001's sequence diagram as a state machine:
 * start → uppercase (stage upper) → back → reverse (stage reverse) → back → result list.
 */
export function nextManagerStep(env: Pick<Envelope, 'kind' | 'payload'>): ManagerStep {
  const stage = env.payload.stage
  switch (stage) {
    case 'start':
      return { kind: 'forward', role: 'uppercase', stage: 'upper' }
    case 'upper':
      return { kind: 'forward', role: 'reverse', stage: 'reverse' }
    case 'reverse':
      return { kind: 'finish' }
    default:
      return { kind: 'fail', code: 'manager.stage', message: `Unknown stage '${String(stage)}' for kind '${env.kind}'` }
  }
}
