import { describe, expect, it } from 'vitest'
import { deadLetterStream, JOURNAL_STREAM, roleGroup, roleStream } from '@shared/keys'
import { addHop, readJournal, type JournalHop } from '../../../src/main/runtime/hop/journal'
import { addFlatOutputs, type FlatOutput } from '../../../src/main/runtime/hop/flat-outputs'
import { execTransaction, Transaction } from '../../../src/main/runtime/hop/transaction'
import { useTestRedis } from '../../support/redis'

const { client: redis } = useTestRedis()

/** An entry on the uppercase role stream, read (so pending) by `consumer`. */
async function pendingEntry(messageId: string, consumer: string): Promise<string> {
  const stream = roleStream('uppercase')
  await redis.xgroup('CREATE', stream, roleGroup('uppercase'), '$', 'MKSTREAM').catch(() => undefined)
  const id = await redis.xadd(stream, '*', 'envelope', JSON.stringify({ message_id: messageId }))
  await redis.xreadgroup('GROUP', roleGroup('uppercase'), consumer, 'COUNT', 1, 'STREAMS', stream, '>')
  return String(id)
}

function hopFor(messageId: string, sourceId: string, destination: string): JournalHop {
  return {
    messageId,
    conversationId: 'conv-hop',
    role: 'uppercase',
    agentId: 'uppercase-1',
    destination,
    delivery: 'stream',
    envelopeJson: JSON.stringify({ message_id: messageId, payload: { text: 'HI' } }),
    source: { stream: roleStream('uppercase'), group: roleGroup('uppercase'), id: sourceId },
  }
}

async function runHop(hop: JournalHop): Promise<void> {
  const tx = new Transaction()
  addHop(tx, hop, 10_000)
  expect(await execTransaction(redis, tx)).toEqual([null])
}

describe('the hop script (delivery, journal and XACK in one step)', () => {
  it('delivers, journals and acks the source entry', async () => {
    const sourceId = await pendingEntry('msg-once', 'uppercase-1')
    await runHop(hopFor('msg-once', sourceId, 'hop:out:1'))
    expect(await redis.xlen('hop:out:1')).toBe(1)
    expect((await readJournal(redis, 'msg-once')).map((h) => h.fields.destination)).toEqual(['hop:out:1'])
    const pending = (await redis.xpending(roleStream('uppercase'), roleGroup('uppercase'))) as [number, ...unknown[]]
    expect(pending[0]).toBe(0)
  })

  it('delivers an entry handled twice (claimed from a slow instance, or a resent transaction) only once', async () => {
    const sourceId = await pendingEntry('msg-twice', 'uppercase-1')
    const before = await redis.xlen(JOURNAL_STREAM)
    await runHop(hopFor('msg-twice', sourceId, 'hop:out:2'))
    await runHop(hopFor('msg-twice', sourceId, 'hop:out:2'))
    expect(await redis.xlen('hop:out:2')).toBe(1)
    expect(await redis.xlen(JOURNAL_STREAM)).toBe(before + 1)
    expect(await readJournal(redis, 'msg-twice')).toHaveLength(1)
  })

  it('still delivers when the source group is gone (deleted by an operator): nothing is dropped', async () => {
    const sourceId = await pendingEntry('msg-nogroup', 'uppercase-1')
    await redis.xgroup('DESTROY', roleStream('uppercase'), roleGroup('uppercase'))
    await runHop(hopFor('msg-nogroup', sourceId, 'hop:out:3'))
    expect(await redis.xlen('hop:out:3')).toBe(1)
  })
})

describe('the hop script when a key has the wrong type', () => {
  it('a destination stream that is a hash: dead-lettered with the exact reason, acked, nothing delivered', async () => {
    const sourceId = await pendingEntry('msg-wt-dest', 'uppercase-1')
    await redis.hset('hop:wt:dest', 'f', 'v')
    await runHop(hopFor('msg-wt-dest', sourceId, 'hop:wt:dest'))
    const [letter] = await redis.xrange(deadLetterStream(roleStream('uppercase')), '-', '+')
    expect(letter?.[1]).toEqual(expect.arrayContaining(['dlq_reason', 'WRONGTYPE: destination stream hop:wt:dest is a hash', 'dlq_source_id', sourceId]))
    expect(await redis.hgetall('hop:wt:dest')).toEqual({ f: 'v' })
    expect(await readJournal(redis, 'msg-wt-dest')).toEqual([])
    const pending = (await redis.xpending(roleStream('uppercase'), roleGroup('uppercase'))) as [number, ...unknown[]]
    expect(pending[0]).toBe(0)
  })

  it('and a dead-letter stream that is not a stream either: the hop fails and the entry stays pending as it was', async () => {
    const sourceId = await pendingEntry('msg-wt-both', 'uppercase-7')
    // A second delivery, so the count the entry goes back with is checked too.
    await redis.xclaim(roleStream('uppercase'), roleGroup('uppercase'), 'uppercase-7', 0, sourceId)
    await redis.set('hop:wt:both', 'x')
    await redis.del(deadLetterStream(roleStream('uppercase')))
    await redis.set(deadLetterStream(roleStream('uppercase')), 'not a stream')
    const tx = new Transaction()
    addHop(tx, { ...hopFor('msg-wt-both', sourceId, 'hop:wt:both'), consumer: 'uppercase-7', deliveries: 2 }, 10_000)
    const [error] = await execTransaction(redis, tx)
    expect(error?.message).toBe(
      `WRONGTYPE: dead-letter stream ${deadLetterStream(roleStream('uppercase'))} is a string (WRONGTYPE: destination stream hop:wt:both is a string)`,
    )
    const pending = (await redis.xpending(roleStream('uppercase'), roleGroup('uppercase'), '-', '+', 10)) as Array<[string, string, number, number]>
    expect(pending.map(([id, consumer, , deliveries]) => [id, consumer, deliveries])).toEqual([[sourceId, 'uppercase-7', 2]])
    expect(await redis.get('hop:wt:both')).toBe('x')
    await redis.del(deadLetterStream(roleStream('uppercase')))
    await redis.xack(roleStream('uppercase'), roleGroup('uppercase'), sourceId)
  })

  it('a journal or message index of the wrong type: the hop is still delivered and acked', async () => {
    const sourceId = await pendingEntry('msg-wt-index', 'uppercase-1')
    await redis.set('switchyard:journal:msg:msg-wt-index', 'x')
    await runHop(hopFor('msg-wt-index', sourceId, 'hop:wt:index'))
    expect(await redis.xlen('hop:wt:index')).toBe(1)
    expect(await redis.get('switchyard:journal:msg:msg-wt-index')).toBe('x')
    const pending = (await redis.xpending(roleStream('uppercase'), roleGroup('uppercase'))) as [number, ...unknown[]]
    expect(pending[0]).toBe(0)
  })

  it('a result list that is a string: dead-lettered with the reason (an LPUSH refused writes nothing)', async () => {
    const sourceId = await pendingEntry('msg-wt-list', 'uppercase-1')
    await redis.set('hop:wt:list', 'x')
    await runHop({ ...hopFor('msg-wt-list', sourceId, 'hop:wt:list'), delivery: 'list' })
    const letters = await redis.xrange(deadLetterStream(roleStream('uppercase')), '-', '+')
    expect(letters.at(-1)?.[1]).toEqual(expect.arrayContaining(['dlq_reason', 'WRONGTYPE: result_list hop:wt:list is a string']))
    expect(await redis.ttl('hop:wt:list')).toBe(-1)
  })
})

describe('hops queued together run as one batch call, each with its own outcome', () => {
  it('delivered, already done, dead-lettered and refused hops side by side; a flushed script is loaded again', async () => {
    const stream = roleStream('uppercase')
    const ids = [await pendingEntry('b-1', 'uppercase-1'), await pendingEntry('b-2', 'uppercase-1'), await pendingEntry('b-3', 'uppercase-1')]
    await redis.xack(stream, roleGroup('uppercase'), ids[1] as string) // b-2: finished elsewhere already
    await redis.hset('hop:batch:wrong', 'f', 'v')
    await redis.script('FLUSH')
    const tx = new Transaction()
    addHop(tx, hopFor('b-1', ids[0] as string, 'hop:batch:out'), 10_000)
    addHop(tx, hopFor('b-2', ids[1] as string, 'hop:batch:out'), 10_000)
    addHop(tx, hopFor('b-3', ids[2] as string, 'hop:batch:wrong'), 10_000)
    tx.call('LPUSH', ['hop:batch:wrong', 'x'])
    addHop(tx, { ...hopFor('b-4', '', 'hop:batch:out'), source: undefined, delivery: 'none' }, 10_000)
    const outcome = await execTransaction(redis, tx)
    expect(outcome.map((error) => error?.message.slice(0, 9) ?? null)).toEqual([null, null, null, 'WRONGTYPE', null])
    expect(await redis.xlen('hop:batch:out')).toBe(1)
    expect((await readJournal(redis, 'b-1')).map((hop) => hop.fields.destination)).toEqual(['hop:batch:out'])
    expect(await readJournal(redis, 'b-2')).toEqual([])
    expect(await readJournal(redis, 'b-4')).toHaveLength(1)
    const letters = await redis.xrange(deadLetterStream(stream), '-', '+')
    expect(letters.at(-1)?.[1]).toEqual(expect.arrayContaining(['dlq_reason', 'WRONGTYPE: destination stream hop:batch:wrong is a hash', 'dlq_source_id', ids[2]]))
    const pending = (await redis.xpending(stream, roleGroup('uppercase'))) as [number, ...unknown[]]
    expect(pending[0]).toBe(0)
  })

  it('a hop that fails inside a batch fails alone', async () => {
    const stream = roleStream('uppercase')
    const ok = await pendingEntry('c-1', 'uppercase-1')
    const stuck = await pendingEntry('c-2', 'uppercase-1')
    await redis.set('hop:batch:both', 'x')
    await redis.del(deadLetterStream(stream))
    await redis.set(deadLetterStream(stream), 'not a stream')
    const tx = new Transaction()
    addHop(tx, hopFor('c-2', stuck, 'hop:batch:both'), 10_000)
    addHop(tx, hopFor('c-1', ok, 'hop:batch:fine'), 10_000)
    const outcome = await execTransaction(redis, tx)
    expect(outcome[0]?.message).toMatch(/^WRONGTYPE: dead-letter stream/)
    expect(outcome[1]).toBeNull()
    expect(await redis.xlen('hop:batch:fine')).toBe(1)
    const pending = (await redis.xpending(stream, roleGroup('uppercase'), '-', '+', 10)) as Array<[string]>
    expect(pending.map(([id]) => id)).toEqual([stuck])
    await redis.del(deadLetterStream(stream))
    await redis.xack(stream, roleGroup('uppercase'), stuck)
  })
})

describe('the flat-field hop script (seed 000 agents)', () => {
  it('writes every output with its fields and cap, and writes nothing for an entry handled twice', async () => {
    await redis.xgroup('CREATE', 'flat:tasks', 'flat-group', '$', 'MKSTREAM')
    const id = String(await redis.xadd('flat:tasks', '*', 'doc_id', 'd1', 'chunk_id', 'c1', 'text', 'hi'))
    await redis.xreadgroup('GROUP', 'flat-group', 'coordinator-1', 'COUNT', 1, 'STREAMS', 'flat:tasks', '>')
    const entry = { stream: 'flat:tasks', group: 'flat-group', id, fields: {}, deliveries: 1 }
    const outputs: FlatOutput[] = [
      { stream: 'flat:grammar', fields: { doc_id: 'd1', chunk_id: 'c1', text: 'hi' } },
      { stream: 'flat:summary', fields: { doc_id: 'd1' }, maxLen: 5 },
    ]
    for (let run = 0; run < 2; run++) {
      const tx = new Transaction()
      addFlatOutputs(tx, entry, outputs)
      expect(await execTransaction(redis, tx)).toEqual([null])
    }
    const grammar = await redis.xrange('flat:grammar', '-', '+')
    expect(grammar.map(([, fields]) => fields)).toEqual([['doc_id', 'd1', 'chunk_id', 'c1', 'text', 'hi']])
    expect(await redis.xlen('flat:summary')).toBe(1)
    const pending = (await redis.xpending('flat:tasks', 'flat-group')) as [number, ...unknown[]]
    expect(pending[0]).toBe(0)
  })
})

describe('the flat-field hop script with an output that is not a stream', () => {
  it('dead-letters the source entry with the reason and writes no output', async () => {
    await redis.xgroup('CREATE', 'flat2:tasks', 'flat-group', '$', 'MKSTREAM')
    await redis.set('flat2:grammar', 'a string')
    const id = String(await redis.xadd('flat2:tasks', '*', 'doc_id', 'd1', 'text', 'hi'))
    await redis.xreadgroup('GROUP', 'flat-group', 'coordinator-1', 'COUNT', 1, 'STREAMS', 'flat2:tasks', '>')
    const entry = { stream: 'flat2:tasks', group: 'flat-group', id, fields: {}, deliveries: 1 }
    const tx = new Transaction()
    addFlatOutputs(tx, entry, [{ stream: 'flat2:ok', fields: { a: '1' } }, { stream: 'flat2:grammar', fields: { a: '2' } }], 'coordinator-1')
    expect(await execTransaction(redis, tx)).toEqual([null])
    expect(await redis.xlen('flat2:ok')).toBe(0)
    const [letter] = await redis.xrange(deadLetterStream('flat2:tasks'), '-', '+')
    expect(letter?.[1]).toEqual(expect.arrayContaining(['dlq_reason', 'WRONGTYPE: output stream flat2:grammar is a string', 'doc_id', 'd1']))
    const pending = (await redis.xpending('flat2:tasks', 'flat-group')) as [number, ...unknown[]]
    expect(pending[0]).toBe(0)
  })
})
