import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestRedis } from '../../support/redis'
import { MAX_TAILS } from '../../../src/main/inspector/tail/tail-manager'
import { createHarness, type Harness } from './harness'
import { letTimePass, waitFor } from '../../support/wait'

let server: Awaited<ReturnType<typeof startTestRedis>>
let h: Harness
const ids: string[] = []

beforeAll(async () => {
  server = await startTestRedis()
  h = createHarness(server.url, { tailPushIntervalMs: 100 })
  // 25 entries at explicit times so a jump by time is checkable.
  for (let i = 1; i <= 25; i++) ids.push(String(await h.redis.xadd('pages', `${1_000_000 + i * 10}-0`, 'n', String(i))))
})
afterAll(async () => {
  await h?.close()
  await server?.cleanup()
})

const numbers = (page: { entries: Array<{ fields: Record<string, string> }> }) => page.entries.map((e) => Number(e.fields.n))

describe('browsing a stream', () => {
  it('pages newest first by default, then onward by the exclusive cursor, and back', async () => {
    const newest = await h.ok('streams.page', { stream: 'pages', count: 10 })
    expect(newest.length).toBe(25)
    expect(numbers(newest)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16])
    expect(newest.prevCursor).toBeNull()
    const older = await h.ok('streams.page', { stream: 'pages', count: 10, after: newest.nextCursor ?? '' })
    expect(numbers(older)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6])
    expect(older.prevCursor).toBe(ids[14])
    const oldest = await h.ok('streams.page', { stream: 'pages', count: 10, after: older.nextCursor ?? '' })
    expect(numbers(oldest)).toEqual([5, 4, 3, 2, 1])
    expect(oldest.nextCursor).toBeNull()
    // Going back toward newer entries from the older page's start.
    const back = await h.ok('streams.page', { stream: 'pages', order: 'asc', count: 3, after: older.prevCursor ?? '' })
    expect(numbers(back)).toEqual([16, 17, 18])
  })

  it('jumps to an id or to a time, inclusively', async () => {
    const atId = await h.ok('streams.page', { stream: 'pages', order: 'asc', count: 2, at: ids[4] ?? '' })
    expect(numbers(atId)).toEqual([5, 6])
    expect(atId.prevCursor).toBe(ids[4])
    const atTime = await h.ok('streams.page', { stream: 'pages', count: 3, at: 1_000_000 + 75 })
    expect(numbers(atTime)).toEqual([7, 6, 5])
  })

  it('decodes envelopes, reports a bad one, and shows flat fields as they are', async () => {
    await h.redis.xadd('mixed', '*', 'envelope', JSON.stringify({ conversation_id: 'c', message_id: 'm', payload: { text: 'hi' } }))
    await h.redis.xadd('mixed', '*', 'envelope', '{"conversation_id": 5}')
    await h.redis.xadd('mixed', '*', 'envelope', 'not json')
    await h.redis.xadd('mixed', '*', 'doc_id', 'd1', 'text', 'flat')
    const page = await h.ok('streams.page', { stream: 'mixed', order: 'asc' })
    const [good, bad, notJson, flat] = page.entries
    expect(good?.envelope).toMatchObject({ message_id: 'm', kind: 'task', payload: { text: 'hi' } })
    expect(bad?.envelopeError).toMatch(/conversation_id/)
    expect(notJson?.envelopeError).toMatch(/not JSON/)
    expect(flat).toMatchObject({ fields: { doc_id: 'd1', text: 'flat' } })
    expect(flat?.envelope).toBeUndefined()
  })
})

describe('live tail', () => {
  it('coalesces a burst into few pushes, and resumes from the last id after a stop without a gap', async () => {
    const { tailId } = await h.ok('streams.tail.start', { stream: 'live' })
    const writer = h.client()
    for (let i = 0; i < 200; i++) await writer.xadd('live', '*', 'n', String(i))
    const received = () => h.log.of('tail').filter((b) => b.tailId === tailId).flatMap((b) => b.entries)
    await waitFor('200 tailed entries', () => received().length === 200)
    const batches = h.log.of('tail').filter((b) => b.tailId === tailId)
    expect(batches.length).toBeLessThan(200 / 5)
    expect(batches.every((b) => b.dropped === 0)).toBe(true)
    expect(received().map((e) => Number(e.fields.n))).toEqual([...Array(200).keys()])

    await h.ok('streams.tail.stop', { tailId })
    const lastId = batches.at(-1)?.lastId ?? ''
    for (let i = 200; i < 230; i++) await writer.xadd('live', '*', 'n', String(i))
    const resumed = await h.ok('streams.tail.start', { stream: 'live', fromId: lastId })
    const again = () => h.log.of('tail').filter((b) => b.tailId === resumed.tailId).flatMap((b) => b.entries)
    await waitFor('the 30 entries written while paused', () => again().length === 30)
    expect(again().map((e) => Number(e.fields.n))).toEqual([...Array(30).keys()].map((i) => i + 200))
    await h.ok('streams.tail.stop', { tailId: resumed.tailId })
  })

  it('never pushes more than 10 times a second per tail', async () => {
    const { tailId } = await h.ok('streams.tail.start', { stream: 'steady' })
    const writer = h.client()
    const started = Date.now()
    while (Date.now() - started < 1_000) {
      await writer.xadd('steady', '*', 'n', '1')
      await letTimePass(5) // a steady writer, an entry every few ms
    }
    await h.ok('streams.tail.stop', { tailId })
    const pushes = h.log.of('tail').filter((b) => b.tailId === tailId).length
    expect(pushes).toBeGreaterThan(3)
    expect(pushes).toBeLessThanOrEqual(12)
  })

  it('bounds the number of tails and refuses an unknown tail', async () => {
    const started = []
    for (let i = 0; i < MAX_TAILS; i++) started.push((await h.ok('streams.tail.start', { stream: `t${i}` })).tailId)
    const refused = await h.call('streams.tail.start', { stream: 'one-too-many' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } })
    for (const tailId of started) await h.ok('streams.tail.stop', { tailId })
    expect(await h.call('streams.tail.stop', { tailId: started[0] ?? '' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(h.inspector.tails.size).toBe(0)
  })
})
