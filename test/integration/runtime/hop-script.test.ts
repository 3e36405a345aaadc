import { describe, expect, it } from 'vitest'
import { JOURNAL_STREAM, roleGroup, roleStream } from '../../../src/shared/keys'
import { addHop, readJournal, type JournalHop } from '../../../src/main/runtime/journal'
import { execTransaction, Transaction } from '../../../src/main/runtime/transaction'
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
