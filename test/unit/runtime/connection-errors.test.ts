import { describe, expect, it } from 'vitest'
import { isConnectionError } from '../../../src/main/runtime/core/async-utils'
import { toHandlerError } from '../../../src/main/inspector/redis-errors'
import { HandlerError } from '@shared/result'

describe('connection trouble is told apart from errors worth reporting', () => {
  const maxRetries = new Error('Reached the max retries per request limit (which is 20). Refer to "maxRetriesPerRequest" option for details.')

  it('"Reached the max retries per request limit" is connection trouble for the runtime (retried quietly)', () => {
    expect(isConnectionError(maxRetries)).toBe(true)
    expect(isConnectionError(new Error('WRONGTYPE Operation against a key holding the wrong kind of value'))).toBe(false)
  })

  it('and for the inspector: not_connected, with a sentence', () => {
    const mapped = toHandlerError(maxRetries, { stream: 's' })
    expect(mapped).toBeInstanceOf(HandlerError)
    expect((mapped as HandlerError).code).toBe('not_connected')
    expect((toHandlerError(new Error('WRONGTYPE x'), { stream: 's' }) as HandlerError).code).toBe('invalid_request')
  })
})
