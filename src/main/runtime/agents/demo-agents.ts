// Seed 001's demo pipeline agents: the manager, uppercase and reverse.
import { resultListOf, type Envelope } from '@shared/envelope'
import { BaseAgent, pushError } from '../core/base-agent'
import { nextManagerStep } from './manager-steps'

/** Pipeline orchestrator with state machine routing (seed 001). */
export class ManagerAgent extends BaseAgent {
  process(env: Envelope): Envelope {
    const lastHop = env.trace[env.trace.length - 1]
    if (lastHop?.error) return finish(env) // a worker failed: the caller gets the errors now
    const step = nextManagerStep(env)
    if (step.kind === 'forward') {
      env.payload.stage = step.stage
      env.target_role = step.role
      env.kind = 'task'
      return env
    }
    if (step.kind === 'fail') pushError(env, { code: step.code, message: step.message })
    return finish(env)
  }
}

function finish(env: Envelope): Envelope {
  env.kind = 'result'
  env.target_list = resultListOf(env)
  return env
}

function textOf(env: Envelope): string {
  const text = env.payload.text
  if (typeof text !== 'string') throw new TypeError('payload.text must be a string')
  return text
}

/** Example worker: converts text to uppercase. */
export class UppercaseAgent extends BaseAgent {
  process(env: Envelope): Envelope {
    env.payload.text = textOf(env).toUpperCase()
    env.kind = 'result'
    return env
  }
}

/** Example worker: reverses text character order (by code point, so emoji survive). */
export class ReverseAgent extends BaseAgent {
  process(env: Envelope): Envelope {
    env.payload.text = Array.from(textOf(env)).reverse().join('')
    env.kind = 'result'
    return env
  }
}
