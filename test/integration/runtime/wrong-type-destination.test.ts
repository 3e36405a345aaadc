import { describe, expect, it } from 'vitest'
import { ENVELOPE_FIELD } from '@shared/envelope'
import { deadLetterStream, JOURNAL_STREAM, roleGroup, roleStream } from '@shared/keys'
import { deadLetterFields } from '@shared/records'
import { sendEnvelope } from '../../../src/main/runtime/core/send'
import { fieldsToRecord } from '../../../src/main/runtime/reader/stream-entry'
import { useRuntime } from './runtime-fixture'
import { waitFor } from '../../support/wait'

const source = roleStream('uppercase')
const dlq = deadLetterStream(source)

describe('a hop whose destination has the wrong type dead-letters, in the same step as its ack', () => {
  const { runtime, client } = useRuntime({}, ['uppercase'])

  it('20 envelopes whose result_list is a hash: 20 dead letters with the reason, 0 lost, 0 pending', async () => {
    await client.hset('result:x', 'field', 'value')
    const sent: string[] = []
    for (let i = 0; i < 20; i++) {
      const { streamId } = await sendEnvelope(client, { kind: 'role', name: 'uppercase' }, {
        conversation_id: 'wrongtype',
        message_id: `wrongtype-${i}`,
        result_list: 'result:x',
        payload: { text: `hello ${i}` },
      })
      sent.push(streamId)
    }
    const letters = await waitFor('20 dead letters', async () => {
      const rows = (await client.xrange(dlq, '-', '+')).map(([, flat]) => fieldsToRecord(flat))
      return rows.length >= 20 ? rows : null
    }, 30_000)
    expect(letters).toHaveLength(20)
    expect(letters.map((l) => l[deadLetterFields.sourceId]).sort()).toEqual([...sent].sort())
    for (const letter of letters) {
      expect(letter[deadLetterFields.reason]).toBe('WRONGTYPE: result_list result:x is a hash')
      expect(letter[deadLetterFields.destination]).toBe('result:x')
      // The replayable copy is the entry as it was sent; the hop's output rides along as metadata.
      expect(JSON.parse(letter[ENVELOPE_FIELD] ?? '{}').process_count).toBe(0)
      expect(JSON.parse(letter[deadLetterFields.envelopeOut] ?? '{}').payload.text).toMatch(/^HELLO/)
    }
    const pending = (await client.xpending(source, roleGroup('uppercase'))) as [number]
    expect(pending[0]).toBe(0)
    expect(await client.hgetall('result:x')).toEqual({ field: 'value' })
    expect(runtime.localAgents().length).toBeGreaterThan(0)
  })

  it('an entry whose own dlq_reason field says otherwise: the real reason wins, its field is kept renamed', async () => {
    const raw = await client.xadd(source, '*', ENVELOPE_FIELD, JSON.stringify({
      conversation_id: 'wrongtype', message_id: 'forged', result_list: 'result:x', payload: { text: 'f' },
    }), deadLetterFields.reason, 'all fine, nothing to see')
    const letter = await waitFor('the dead letter', async () => {
      const rows = (await client.xrange(dlq, '-', '+')).map(([, flat]) => fieldsToRecord(flat))
      return rows.find((r) => r[deadLetterFields.sourceId] === raw) ?? null
    })
    expect(letter[deadLetterFields.reason]).toBe('WRONGTYPE: result_list result:x is a hash')
    expect(letter['dlq_entry_dlq_reason']).toBe('all fine, nothing to see')
  })

  it('a result_list naming a Switchyard key (the journal) is refused before anything is acked', async () => {
    const before = await client.xlen(JOURNAL_STREAM)
    const { streamId } = await sendEnvelope(client, { kind: 'role', name: 'uppercase' }, {
      conversation_id: 'wrongtype', message_id: 'into-journal', result_list: JOURNAL_STREAM, payload: { text: 'j' },
    })
    const letter = await waitFor('the dead letter', async () => {
      const rows = (await client.xrange(dlq, '-', '+')).map(([, flat]) => fieldsToRecord(flat))
      return rows.find((r) => r[deadLetterFields.sourceId] === streamId) ?? null
    })
    expect(letter[deadLetterFields.reason]).toBe(`invalid target: ${JOURNAL_STREAM} is a Switchyard key`)
    expect(await client.xlen(JOURNAL_STREAM)).toBe(before)
  })
})
