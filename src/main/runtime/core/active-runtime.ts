// The runtime that a zero-config `new SomeAgent()` joins (seed 001's usage).
/**
 * Seed 001's zero-config path: `new TranslationAgent()` while a runtime is
 * running registers and starts the agent there ("That's it!"). An agent
 * handed to a runtime explicitly (startAgent, startRole) in the same tick is
 * left to that call; with no runtime, or with several open in this process,
 * nothing is adopted (which one would be a guess).
 */
export interface AdoptingRuntime {
  adopt(agent: object): void
}

const open = new Set<AdoptingRuntime>()
/** The runtime each agent was handed to: adoption leaves these alone. */
const owners = new WeakMap<object, object>()
let suspended = 0

export function runtimeOpened(runtime: AdoptingRuntime): void {
  open.add(runtime)
}

export function runtimeClosed(runtime: AdoptingRuntime): void {
  open.delete(runtime)
}

/** Marks an agent as this runtime's; false when another runtime has it. */
export function claimAgent(agent: object, runtime: object): boolean {
  const owner = owners.get(agent)
  if (owner && owner !== runtime) return false
  owners.set(agent, runtime)
  return true
}

/** Called from the agent's constructor: adoption happens after the creating code's tick. */
export function adoptWhenCreated(agent: object): void {
  if (suspended > 0 || open.size !== 1) return
  const [runtime] = open
  queueMicrotask(() => {
    if (!owners.has(agent) && runtime && open.has(runtime)) runtime.adopt(agent)
  })
}

/** Creates agents without adoption (the loader instantiates classes to learn their role). */
export function withoutAdoption<T>(create: () => T): T {
  suspended += 1
  try {
    return create()
  } finally {
    suspended -= 1
  }
}
