import { beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../src/main/api/dispatch'
import type { ControlHandlers } from '../../../src/main/api/handler-types'
import { createInspectorHandlers } from '../../../src/main/inspector'
import { MAX_TRACE_WATCHES } from '../../../src/main/inspector/traces/trace-watcher'
import type { Method, RequestInput } from '@shared/api'
import type { ErrorCode } from '@shared/result'
import { useHarness } from './harness'

const { h } = useHarness()

beforeAll(async () => {
  await h.redis.xadd('s', '*', 'a', '1')
  await h.redis.xgroup('CREATE', 's', 'g', '0')
  await h.redis.set('plain-string', 'x')
})

async function refused<M extends Method>(method: M, args: RequestInput<M>, code: ErrorCode, message?: RegExp): Promise<void> {
  const result = await h.call(method, args)
  expect(result.ok, `${method} should be refused`).toBe(false)
  if (result.ok) return
  expect(result.error.code, `${method}: ${result.error.message}`).toBe(code)
  if (message) expect(result.error.message).toMatch(message)
}

const noGroup = /group nope does not exist on stream s/

describe('every request refuses one bad argument with a clear, coded error', () => {
  it('streams', async () => {
    await refused('streams.page', { stream: 'missing' }, 'not_found', /stream missing does not exist/)
    await refused('streams.page', { stream: 'plain-string' }, 'invalid_request', /not a stream/)
    await refused('streams.page', { stream: 's', count: 0 }, 'invalid_request', /count/)
    await refused('streams.page', { stream: 's', after: 'yesterday' }, 'invalid_request', /stream id/)
    await refused('streams.tail.start', { stream: 'plain-string' }, 'invalid_request', /not a stream/)
    await refused('streams.tail.stop', { tailId: 'no-such-tail' }, 'not_found')
    await refused('streams.add', { stream: 'plain-string', fields: { a: '1' } }, 'invalid_request', /not a stream/)
    await refused('streams.add', { stream: 's', fields: {} }, 'invalid_request', /at least one field/)
    await refused('streams.trim', { stream: 's', strategy: 'MAXLEN', threshold: '1-1' }, 'invalid_request', /MAXLEN needs a number/)
    await refused('streams.trim', { stream: 'missing', strategy: 'MAXLEN', threshold: 1 }, 'not_found')
  })

  it('groups and consumers', async () => {
    await refused('groups.create', { stream: 's', group: 'g' }, 'conflict', /already exists/)
    await refused('groups.create', { stream: 'missing', group: 'g' }, 'not_found', /does not exist/)
    await refused('groups.delete', { stream: 's', group: 'nope' }, 'not_found', noGroup)
    await refused('groups.setId', { stream: 's', group: 'nope', id: '0' }, 'not_found', noGroup)
    await refused('consumers.delete', { stream: 's', group: 'nope', consumer: 'c' }, 'not_found', noGroup)
    await refused('consumers.delete', { stream: 's', group: 'g', consumer: '' }, 'invalid_request', /consumer must not be empty/)
  })

  it('pending entries and operator actions', async () => {
    await refused('pending.list', { stream: 's', group: 'nope' }, 'not_found', noGroup)
    await refused('pending.claim', { stream: 's', group: 'nope', consumer: 'c', ids: ['1-0'] }, 'not_found', noGroup)
    await refused('pending.claim', { stream: 's', group: 'g', consumer: 'c', ids: [] }, 'invalid_request', /at least one entry/)
    await refused('pending.claimIdle.preview', { stream: 's', group: 'nope', minIdleMs: 0 }, 'not_found', noGroup)
    await refused('pending.claimIdle', { stream: 's', group: 'nope', consumer: 'c', minIdleMs: 0 }, 'not_found', noGroup)
    await refused('pending.ack', { stream: 's', group: 'nope', ids: ['1-0'] }, 'not_found', noGroup)
    await refused('pending.deadLetter', { stream: 's', group: 'g', ids: ['1-0'], reason: '' }, 'invalid_request', /say why/)
    await refused('pending.deadLetter', { stream: 's', group: 'nope', ids: ['1-0'], reason: 'r' }, 'not_found', noGroup)
    await refused('deadLetters.list', { count: 0 }, 'invalid_request')
    await refused('deadLetters.replay', { deadLetterStream: 's', ids: ['1-0'] }, 'invalid_request', /not a dead-letter stream/)
    await refused('deadLetters.replay', { deadLetterStream: 'switchyard:dlq:s', ids: ['1-0'] }, 'not_found', /no dead letter 1-0/)
    await refused('audit.list', { count: 5000 }, 'invalid_request')
  })

  it('injection, traces, violations and statistics', async () => {
    await refused('inject.envelope', { target: { kind: 'role', name: '' }, envelope: { payload: {} } }, 'invalid_request')
    await refused('inject.envelope', { target: { kind: 'role', name: 'r' }, envelope: { payload: 'text' as never } }, 'invalid_request', /payload/)
    await refused('traces.find', { messageId: 'a', conversationId: 'b' }, 'invalid_request', /exactly one/)
    await refused('traces.watch', { messageId: '' }, 'invalid_request')
    await refused('traces.unwatch', { messageId: '' }, 'invalid_request')
    for (let i = 0; i < MAX_TRACE_WATCHES; i++) await h.ok('traces.watch', { messageId: `m${i}` })
    await refused('traces.watch', { messageId: 'one-more' }, 'conflict', /at most/)
    for (let i = 0; i < MAX_TRACE_WATCHES; i++) await h.ok('traces.unwatch', { messageId: `m${i}` })
    await refused('violations.list', { before: 'last week' }, 'invalid_request')
    await refused('stats.series', { windowSec: 1 }, 'invalid_request')
  })

  it('answers not_connected for every inspector request while there is no connection', async () => {
    const handlers = createInspectorHandlers(() => null)
    const dispatch = createDispatcher(handlers as unknown as ControlHandlers)
    const result = await dispatch('topology.snapshot', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'not_connected' } })
    // Templates are static, so forms can be prefilled before connecting.
    for (const method of Object.keys(handlers).filter((m) => m !== 'inject.templates')) {
      await expect(handlers[method as keyof typeof handlers]({} as never)).rejects.toMatchObject({ code: 'not_connected' })
    }
  })
})
