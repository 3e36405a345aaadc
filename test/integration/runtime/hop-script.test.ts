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
