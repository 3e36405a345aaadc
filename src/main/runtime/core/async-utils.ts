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

const CONNECTION_TROUBLE =
  /Connection is closed|Command aborted|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Stream isn't writeable|Command timed out|LOADING|timed out after|MaxRetriesPerRequest/

/** Connection trouble is retried quietly; everything else is worth an 'error' event. */
export function isConnectionError(error: unknown): boolean {
  return error instanceof Error && CONNECTION_TROUBLE.test(error.message)
}
