import { describe, expect, it } from 'vitest'
import { AUDIT_STREAM, deadLetterStream } from '@shared/keys'
import { deadLetterFields } from '@shared/records'
import { useHarness } from './harness'

const { h } = useHarness()

describe('pending entries and operator actions', () => {
  it('lists pending rows with bodies, envelope role/stage/last hop, pages by cursor and filters by consumer', async () => {
    const envelope = {
      conversation_id: 'c1', message_id: 'm1', target_role: 'uppercase', payload: { text: 'hi', stage: 'upper' },
      trace: [{ start_ts: 1, role: 'manager', agent_id: 'a-1', end_ts: 2, duration: 1 }],
    }
    await h.redis.xadd('jobs', '*', 'envelope', JSON.stringify(envelope))
    await h.redis.xadd('jobs', '*', 'plain', 'x')
    await h.redis.xadd('jobs', '*', 'plain', 'y')
    await h.redis.xgroup('CREATE', 'jobs', 'g', '0')
    await h.redis.xreadgroup('GROUP', 'g', 'c-a', 'COUNT', 2, 'STREAMS', 'jobs', '>')
    await h.redis.xreadgroup('GROUP', 'g', 'c-b', 'COUNT', 1, 'STREAMS', 'jobs', '>')

    const first = await h.ok('pending.list', { stream: 'jobs', group: 'g', count: 2 })
    expect(first.total).toBe(3)
    expect(first.entries).toHaveLength(2)
    expect(first.entries[0]).toMatchObject({ consumer: 'c-a', role: 'uppercase', stage: 'upper', lastHop: 'manager/a-1', deliveries: 1 })
    expect(first.entries[1]?.fields).toEqual({ plain: 'x' })
    expect(first.nextCursor).toBe(first.entries[1]?.id)
    const second = await h.ok('pending.list', { stream: 'jobs', group: 'g', after: first.nextCursor ?? '' })
    expect(second.entries.map((e) => e.consumer)).toEqual(['c-b'])
    expect(second.nextCursor).toBeNull()
    const onlyB = await h.ok('pending.list', { stream: 'jobs', group: 'g', consumer: 'c-b' })
    expect(onlyB.entries.map((e) => e.fields)).toEqual([{ plain: 'y' }])
    const stuck = await h.ok('pending.list', { stream: 'jobs', group: 'g', minIdleMs: 60_000 })
    expect(stuck.entries).toEqual([])
  })

  it('claims chosen entries to a new consumer, acks, and records both in the audit stream', async () => {
    const page = await h.ok('pending.list', { stream: 'jobs', group: 'g', consumer: 'c-a' })
    const ids = page.entries.map((e) => e.id)
    // Entries not idle long enough stay where they are.
    const tooSoon = await h.ok('pending.claim', { stream: 'jobs', group: 'g', consumer: 'rescuer', ids, minIdleMs: 60_000 })
    expect(tooSoon.claimed).toEqual([])
    const claimed = await h.ok('pending.claim', { stream: 'jobs', group: 'g', consumer: 'rescuer', ids })
    expect(claimed.claimed).toEqual(ids)
    const after = await h.ok('pending.list', { stream: 'jobs', group: 'g', consumer: 'rescuer' })
    expect(after.entries.map((e) => e.id)).toEqual(ids)
    expect(after.entries[0]?.deliveries).toBe(2)

    const acked = await h.ok('pending.ack', { stream: 'jobs', group: 'g', ids: [ids[0] ?? ''] })
    expect(acked.acked).toBe(1)
    const audit = await h.ok('audit.list', { count: 10 })
    expect(audit.map((a) => a.action).slice(0, 2)).toEqual(['pending.ack', 'pending.claim'])
    expect(Math.abs((audit[0]?.ts ?? 0) - Date.now() / 1000)).toBeLessThan(60)
    expect(audit[0]).toMatchObject({ connection: 'redis://127.0.0.1/test', details: { stream: 'jobs', group: 'g', acked: 1 } })
  })

  it('moves an entry to the dead-letter stream with its reason and replays it to the source', async () => {
    const [pending] = (await h.ok('pending.list', { stream: 'jobs', group: 'g', consumer: 'rescuer' })).entries
    const id = pending?.id ?? ''
    expect(await h.ok('pending.deadLetter', { stream: 'jobs', group: 'g', ids: [id], reason: 'poison' })).toEqual({ moved: 1 })
    const still = await h.ok('pending.list', { stream: 'jobs', group: 'g', consumer: 'rescuer' })
    expect(still.entries).toEqual([])

    const letters = await h.ok('deadLetters.list', { sourceStream: 'jobs' })
    expect(letters).toHaveLength(1)
    expect(letters[0]).toMatchObject({
      deadLetterStream: deadLetterStream('jobs'), sourceStream: 'jobs', sourceId: id, group: 'g', reason: 'poison',
    })
    expect(letters[0]?.fields[deadLetterFields.consumer]).toBe('rescuer')
    // Seconds since the epoch, like the runtime's own dead letters.
    expect(Math.abs((letters[0]?.ts ?? 0) - Date.now() / 1000)).toBeLessThan(60)
    const all = await h.ok('deadLetters.list', {})
    expect(all.map((l) => l.id)).toContain(letters[0]?.id)

    const before = await h.redis.xlen('jobs')
    const { replayed } = await h.ok('deadLetters.replay', { deadLetterStream: deadLetterStream('jobs'), ids: [letters[0]?.id ?? ''] })
    expect(replayed).toHaveLength(1)
    const [[, fields] = ['', []]] = await h.redis.xrange('jobs', replayed[0]?.newId ?? '', replayed[0]?.newId ?? '')
    expect(fields).toEqual(['plain', 'x'])
    expect(await h.redis.xlen('jobs')).toBe(before + 1)
    expect(await h.redis.xlen(deadLetterStream('jobs'))).toBe(0)
  })

  it('creates, repositions and deletes groups; deletes a consumer and reports its released entries', async () => {
    await h.ok('groups.create', { stream: 'fresh', group: 'readers', mkstream: true })
    await h.ok('streams.add', { stream: 'fresh', fields: { a: '1' }, copies: 3 })
    let [group] = (await h.redis.xinfo('GROUPS', 'fresh')) as string[][]
    expect(group).toContain('readers')
    await h.ok('groups.setId', { stream: 'fresh', group: 'readers', id: '0', entriesRead: 0 })
    await h.redis.xreadgroup('GROUP', 'readers', 'temp', 'COUNT', 2, 'STREAMS', 'fresh', '>')
    expect(await h.ok('consumers.delete', { stream: 'fresh', group: 'readers', consumer: 'temp' })).toEqual({ pendingReleased: 2 })
    ;[group] = (await h.redis.xinfo('GROUPS', 'fresh')) as string[][]
    expect(group?.[group.indexOf('pending') + 1]).toBe(0)
    expect(await h.ok('groups.delete', { stream: 'fresh', group: 'readers' })).toEqual({ deleted: true })
    expect(await h.redis.xinfo('GROUPS', 'fresh')).toEqual([])
  })

  it('adds N copies and trims by MAXLEN and by MINID', async () => {
    const { ids } = await h.ok('streams.add', { stream: 'trimmed', fields: { k: 'v' }, copies: 20 })
    expect(ids).toHaveLength(20)
    expect(await h.ok('streams.trim', { stream: 'trimmed', strategy: 'MAXLEN', threshold: 15 })).toEqual({ deleted: 5 })
    expect(await h.ok('streams.trim', { stream: 'trimmed', strategy: 'MINID', threshold: ids[10] ?? '' })).toEqual({ deleted: 5 })
    expect((await h.redis.xrange('trimmed', '-', '+', 'COUNT', 1))[0]?.[0]).toBe(ids[10])
    const audit = await h.redis.xrevrange(AUDIT_STREAM, '+', '-', 'COUNT', 1)
    expect(audit[0]?.[1]).toContain('streams.trim')
  })
})
