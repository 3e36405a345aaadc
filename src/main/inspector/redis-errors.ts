import { HandlerError } from '@shared/result'
import { isNoPermission, noPermissionSentence } from '../redis/acl-errors'

/**
 * ioredis giving up a command after maxRetriesPerRequest reconnect attempts
 * ("Reached the max retries per request limit"): connection trouble, not a
 * Redis answer. (A closed connection is left as it is: the dispatcher maps it.)
 */
export const GAVE_UP_RETRYING = /max retries per request|MaxRetriesPerRequest/i

/** What a request was about, so an error can name it. */
export interface ErrorContext {
  stream?: string
  group?: string
  consumer?: string
}

/**
 * Turns a Redis error reply into a HandlerError an operator can act on:
 * the code says what kind of trouble, the message names the stream/group.
 */
export function toHandlerError(error: unknown, context: ErrorContext = {}): unknown {
  if (error instanceof HandlerError) return error
  if (!(error instanceof Error)) return error
  const message = error.message
  if (GAVE_UP_RETRYING.test(message)) {
    return new HandlerError('not_connected', `Redis is not reachable right now (${message}); it is retried on reconnect`)
  }
  const stream = context.stream ? `stream ${context.stream}` : 'the stream'
  if (isNoPermission(error)) {
    return new HandlerError('no_permission', noPermissionSentence(error, context.stream ? `stream ${context.stream}` : undefined))
  }
  if (message.startsWith('NOGROUP')) {
    const group = context.group ? `group ${context.group}` : 'the group'
    return new HandlerError('not_found', `${group} does not exist on ${stream}`)
  }
  if (message.startsWith('BUSYGROUP')) {
    return new HandlerError('conflict', `group ${context.group ?? ''} already exists on ${stream}`)
  }
  if (message.startsWith('WRONGTYPE')) {
    return new HandlerError('invalid_request', `${context.stream ?? 'the key'} is not a stream`)
  }
  if (/requires the key to exist/i.test(message) || /no such key/i.test(message)) {
    return new HandlerError('not_found', `${stream} does not exist (create it with MKSTREAM or add an entry)`)
  }
  if (/ID specified in XADD is equal or smaller/i.test(message)) {
    return new HandlerError('invalid_request', `the id is not greater than the last id of ${stream}`)
  }
  if (/Invalid stream ID/i.test(message)) {
    return new HandlerError('invalid_request', `invalid stream id for ${stream}: ${message}`)
  }
  if (/^NOSCRIPT|^NOPERM|^NOAUTH|^READONLY|^OOM|^BUSY|^MISCONF|^ERR/.test(message)) {
    return new HandlerError('redis_error', message)
  }
  return error
}

/** Runs one Redis operation and maps its error reply. */
export async function withRedisErrors<T>(context: ErrorContext, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw toHandlerError(error, context)
  }
}

/** Pipelines and MULTI answer [error, value] pairs; the first error is thrown, mapped. */
export function pipelineValues(
  results: Array<[Error | null, unknown]> | null,
  context: ErrorContext = {},
): unknown[] {
  if (!results) throw new HandlerError('conflict', 'the transaction was aborted')
  return results.map(([error, value]) => {
    if (error) throw toHandlerError(error, context)
    return value
  })
}
