// Small async helpers: sleep, deadlines, and telling connection trouble from other errors.
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export class DeadlineError extends Error {
  constructor(ms: number) {
    super(`timed out after ${ms} ms`)
    this.name = 'DeadlineError'
  }
}

/** Races a promise against a deadline; onDeadline runs first (e.g. cut a hung connection). */
export function withDeadline<T>(promise: Promise<T>, ms: number, onDeadline: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onDeadline()
      reject(new DeadlineError(ms))
    }, ms)
  })
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer))
}

// The last line is a Cluster failing over (a master down until its replica takes over): transient too.
const CONNECTION_TROUBLE =
  /Connection is closed|Command aborted|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Stream isn't writeable|Command timed out|LOADING|timed out after|MaxRetriesPerRequest|max retries per request|CLUSTERDOWN|TRYAGAIN|Too many Cluster redirections|Failed to refresh slots cache|None of startup nodes is available/i

/** Connection trouble is retried quietly; everything else is worth an 'error' event. */
export function isConnectionError(error: unknown): boolean {
  return error instanceof Error && CONNECTION_TROUBLE.test(error.message)
}

/** What process() gets beside its input. */
export interface ProcessContext {
  /** Fires at the entry's timeout, or when the agent gives its in-flight work up. */
  signal: AbortSignal
}

/** Seed 001's DEFAULT_TASK_TIMEOUT_SEC: the timeout of an entry that names none. */
export const DEFAULT_TASK_TIMEOUT_SEC = 60

/** The timeout of one entry: the sender's (__agent_timeout_sec) if valid, else the agent's, never above the cap. */
export function entryTimeoutSec(given: unknown, fallbackSec: number, capSec: number): number {
  const asked = Number(given)
  const chosen = Number.isFinite(asked) && asked > 0 ? asked : fallbackSec
  return Math.min(chosen, capSec)
}

/**
 * A ProcessContext whose signal is made only when process() reads it: most
 * never do, and an AbortController (plus AbortSignal.any) per hop is garbage
 * at high rates. `abort` fires it (at the timeout) if it was made.
 */
export function lazyProcessContext(agentSignal: AbortSignal): { context: ProcessContext; abort(reason: unknown): void } {
  let timeout: AbortController | null = null
  let signal: AbortSignal | null = null
  return {
    context: {
      get signal(): AbortSignal {
        timeout ??= new AbortController()
        signal ??= AbortSignal.any([timeout.signal, agentSignal])
        return signal
      },
    },
    abort: (reason) => timeout?.abort(reason),
  }
}
