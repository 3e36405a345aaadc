/**
 * Every ControlApi answer crosses the process gap as a Result, so an error keeps
 * its code whichever host (IPC or WebSocket) carried it.
 */
export type ErrorCode =
  | 'invalid_request' // arguments failed their schema
  | 'unknown_method'
  | 'unauthorized'
  | 'not_connected' // no Redis connection right now
  | 'not_found' // stream, group, consumer, trace... does not exist
  | 'redis_error' // Redis answered with an error
  | 'no_permission' // the Redis user's ACL refuses a command or a key (NOPERM)
  | 'audit_failed' // the action ran, but its audit record was refused
  | 'timeout'
  | 'conflict' // e.g. group already exists
  | 'internal'

export interface ApiError {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
})

/** Thrown on the calling side when a Result is not ok; keeps the code. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ApiCallError'
  }
}

/** Thrown by main-process handlers to answer with a specific code. */
export class HandlerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'HandlerError'
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value
  throw new ApiCallError(result.error.code, result.error.message)
}
