import { describe, expect, it } from 'vitest'
import type { Redis } from 'ioredis'
import { envelopeSchema, type Envelope } from '@shared/envelope'
import { deadLetterStream, roleStream, VIOLATIONS_STREAM } from '@shared/keys'
import { violationFields } from '@shared/records'
import { addJournalHop } from '../../../src/main/runtime/hop/journal'
import { execTransaction, Transaction } from '../../../src/main/runtime/hop/transaction'
import { useHarness } from './harness'
import { waitFor } from '../../support/wait'

const { h } = useHarness({ statsIntervalMs: 100, tracePollMs: 50 })

/** Writes one hop to the journal exactly as the runtime does. */
async function hop(redis: Redis, env: Envelope, role: string, destination: string, error: string | null = null): Promise<Envelope> {
  const next: Envelope = {
    ...env,
    process_count: env.process_count + 1,
    trace: [...env.trace, { start_ts: 1, role, agent_id: `${role}-1`, end_ts: 1.5, duration: 0.5, error }],
  }
  const tx = new Transaction()
  addJournalHop(tx, { messageId: env.message_id, conversationId: env.conversation_id, role, agentId: `${role}-1`, destination, envelopeJson: JSON.stringify(next) }, 10_000)
  await execTransaction(redis, tx)
  return next
}

describe('traces', () => {
  it('finds a message\'s hops in order with the diff to the hop before, complete once it reached its result list', async () => {
    const start = envelopeSchema.parse({ conversation_id: 'conv-t', message_id: 'msg-t', payload: { text: 'hi', stage: 'start' } })
    const h1 = await hop(h.redis, { ...start, payload: { text: 'hi', stage: 'upper' } }, 'manager', roleStream('uppercase'))
    const h2 = await hop(h.redis, { ...h1, payload: { text: 'HI', stage: 'upper' } }, 'uppercase', roleStream('manager'))

    const watched = await h.ok('traces.watch', { messageId: 'msg-t' })
    expect(watched?.complete).toBe(false)
    await hop(h.redis, { ...h2, kind: 'result' }, 'manager', 'result:msg-t')
    const pushed = await waitFor('a pushed trace with 3 hops', () => h.log.of('trace').find((t) => t.hops.length === 3))
    expect(pushed.complete).toBe(true)

    const [trace] = await h.ok('traces.find', { messageId: 'msg-t' })
    expect(trace?.hops.map((x) => [x.index, x.role, x.destination])).toEqual([
      [0, 'manager', roleStream('uppercase')],
      [1, 'uppercase', roleStream('manager')],
      [2, 'manager', 'result:msg-t'],
    ])
    expect(trace?.hops[0]?.diff).toEqual([])
    expect(trace?.hops[1]?.diff).toEqual(
      expect.arrayContaining([
        { op: 'replace', path: '/payload/text', before: 'hi', after: 'HI' },
        { op: 'replace', path: '/process_count', before: 1, after: 2 },
        expect.objectContaining({ op: 'add', path: '/trace/1' }),
      ]),
    )
    expect(trace?.complete).toBe(true)
    const byConversation = await h.ok('traces.find', { conversationId: 'conv-t' })
    expect(byConversation.map((t) => t.messageId)).toEqual(['msg-t'])
    expect(await h.ok('traces.unwatch', { messageId: 'msg-t' })).toBeNull()
  })
})

describe('violations and statistics', () => {
  it('lists violations newest first with counts by kind and role', async () => {
    const add = (kind: string, role: string, message: string) =>
      h.redis.xadd(VIOLATIONS_STREAM, '*', violationFields.kind, kind, violationFields.role, role, violationFields.message, message,
        violationFields.messageId, 'm', violationFields.conversationId, 'c', violationFields.agentId, `${role}-1`,
        violationFields.processCount, '50', violationFields.totalProcessingTime, '1', violationFields.ageSec, '2', violationFields.ts, '1700000000')
    await add('process_count', 'manager', 'Process count limit exceeded: 50 >= 50')
    await add('age', 'manager', 'too old')
    await add('age', 'reverse', 'too old')
    const list = await h.ok('violations.list', {})
    expect(list.violations.map((v) => v.kind)).toEqual(['age', 'age', 'process_count'])
    expect(list.violations[2]).toMatchObject({ message: 'Process count limit exceeded: 50 >= 50', processCount: 50, agentId: 'manager-1' })
    expect(list.countsByKind).toEqual({ age: 2, process_count: 1 })
    expect(list.countsByRole).toEqual({ manager: 2, reverse: 1 })
    const older = await h.ok('violations.list', { before: list.violations[0]?.id ?? '', count: 1 })
    expect(older.violations.map((v) => v.role)).toEqual(['manager'])
  })

  it('samples throughput, latency, errors, violations and dead letters over time and pushes them', async () => {
    h.inspector.start()
    await waitFor('the first stats point', () => h.log.of('stats').length > 0)
    const env = envelopeSchema.parse({ conversation_id: 'conv-s', message_id: 'msg-s', payload: {} })
    await hop(h.redis, env, 'reverse', roleStream('manager'))
    await hop(h.redis, env, 'reverse', roleStream('manager'), 'boom')
    await h.redis.xadd(VIOLATIONS_STREAM, '*', violationFields.kind, 'processing_time', violationFields.role, 'reverse')
    await h.redis.xadd(deadLetterStream('jobs'), '*', 'dlq_reason', 'test')

    const sums = () => {
      const points = h.log.of('stats')
      return {
        hops: points.filter((p) => (p.throughputByRole.reverse ?? 0) > 0).length,
        errors: points.reduce((n, p) => n + p.errors, 0),
        violations: points.reduce((n, p) => n + p.violations, 0),
        deadLetters: points.reduce((n, p) => n + p.deadLetters, 0),
      }
    }
    await waitFor('the new hops, errors, violation and dead letter in the stats', () => {
      const s = sums()
      return s.hops > 0 && s.errors === 1 && s.violations === 1 && s.deadLetters === 1
    })
    const withReverse = h.log.of('stats').find((p) => p.throughputByRole.reverse)
    expect(withReverse?.latencyByRole.reverse).toBeCloseTo(0.5)
    const pushedViolations = h.log.of('violations').flat()
    expect(pushedViolations.map((v) => v.kind)).toEqual(['processing_time'])
    const series = await h.ok('stats.series', { windowSec: 60 })
    expect(series.length).toBeGreaterThan(1)
    expect(series.reduce((n, p) => n + p.errors, 0)).toBe(1)
  })
})
