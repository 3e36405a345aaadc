import { isMethod, requestSchemas } from '@shared/api'
import { fail, HandlerError, ok, type Result } from '@shared/result'
import { parseWith } from '@shared/validate'
import type { ControlHandlers } from './handler-types'
import { isNoPermission, noPermissionSentence } from '../redis/acl-errors'

/** Redis error replies start with an upper-case code word: "ERR ...", "NOGROUP ...". */
const redisReply = /^[A-Z]+ /

/**
 * The single entry point both hosts call: the method name and arguments are
 * untrusted, so both are checked here before any handler runs.
 */
export function createDispatcher(handlers: ControlHandlers) {
  return async function dispatch(method: unknown, args: unknown): Promise<Result<unknown>> {
    if (typeof method !== 'string' || !isMethod(method)) {
      return fail('unknown_method', `unknown method: ${String(method)}`)
    }
    const parsed = parseWith(requestSchemas[method], args ?? {})
    if (!parsed.ok) return fail('invalid_request', `${method}: ${parsed.message}`)
    try {
      const handler = handlers[method] as (a: unknown) => Promise<unknown>
      return ok(await handler(parsed.value))
    } catch (error) {
      if (error instanceof HandlerError) return fail(error.code, error.message)
      const message = error instanceof Error ? error.message : String(error)
      if (/Connection is closed|ECONNREFUSED|Stream isn't writeable/.test(message)) {
        return fail('not_connected', `Redis is not connected: ${message}`)
      }
      if (isNoPermission(error)) return fail('no_permission', noPermissionSentence(error))
      if (redisReply.test(message)) return fail('redis_error', message)
      return fail('internal', message)
    }
  }
}
export type Dispatch = ReturnType<typeof createDispatcher>
