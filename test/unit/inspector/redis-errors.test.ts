import { describe, expect, it } from 'vitest'
import { type HandlerError } from '@shared/result'
import { toHandlerError } from '../../../src/main/inspector/redis-errors'

const mapped = (message: string) => toHandlerError(new Error(message), { stream: 'orders', group: 'workers' }) as HandlerError

describe('Redis errors as an operator reads them', () => {
  it('maps the common replies to codes and names the stream and group', () => {
    expect(mapped("NOGROUP No such key 'orders' or consumer group 'workers'")).toMatchObject({
      code: 'not_found', message: 'group workers does not exist on stream orders',
    })
    expect(mapped('BUSYGROUP Consumer Group name already exists')).toMatchObject({ code: 'conflict' })
    expect(mapped('WRONGTYPE Operation against a key holding the wrong kind of value')).toMatchObject({
      code: 'invalid_request', message: 'orders is not a stream',
    })
    expect(mapped('ERR something else')).toMatchObject({ code: 'redis_error', message: 'ERR something else' })
  })

  it('leaves other errors as they are', () => {
    const error = new Error('Connection is closed.')
    expect(toHandlerError(error)).toBe(error)
  })
})
