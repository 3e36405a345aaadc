import { describe, expect, it } from 'vitest'
import { ENVELOPE_FIELD } from '@shared/envelope'
import { roleGroup, roleStream, undecodableStream } from '@shared/keys'
import { deadLetterFields } from '@shared/records'
import { fieldsToRecord } from '../../../src/main/runtime/reader/stream-entry'
import { useRuntime } from './runtime-fixture'
import { waitFor } from '../../support/wait'

const source = roleStream('uppercase')
const dlq = undecodableStream(source)

describe('bad entries go to the undecodable dead-letter stream and the agent keeps serving', () => {
  const { runtime, client } = useRuntime()

  async function deadLetterOf(sourceId: string): Promise<Record<string, string>> {
    return waitFor(`a dead letter for ${sourceId}`, async () => {
      const entries = await client.xrange(dlq, '-', '+')
      const found = entries.map(([, flat]) => fieldsToRecord(flat)).find((f) => f[deadLetterFields.sourceId] === sourceId)
      return found ?? null
    })
  }

  const valid = { conversation_id: 'c', message_id: 'm', payload: { text: 'x', stage: 'upper' } }
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['not JSON', { [ENVELOPE_FIELD]: '{this is not json' }, /^envelope is not valid JSON/],
    ['no envelope field', { text: 'hello' }, /^missing field "envelope"$/],
    ['missing fields', { [ENVELOPE_FIELD]: JSON.stringify({ payload: {} }) }, /^envelope failed the schema: conversation_id: [^;]+; message_id: [^;]+$/],
    ['wrong types', { [ENVELOPE_FIELD]: JSON.stringify({ ...valid, process_count: 'many', payload: 'text' }) }, /^envelope failed the schema: payload: [^;]+; process_count: [^;]+$/],
  ]

  for (const [name, fields, reason] of cases) {
    it(`dead-letters an entry with ${name}, with the reason and the original fields, and acks it`, async () => {
      const id = await client.xadd(source, '*', ...Object.entries(fields).flat())
      const letter = await deadLetterOf(id!)
      expect(letter[deadLetterFields.reason]).toMatch(reason)
      expect(letter[deadLetterFields.sourceStream]).toBe(source)
      expect(letter[deadLetterFields.group]).toBe(roleGroup('uppercase'))
      for (const [key, value] of Object.entries(fields)) expect(letter[key]).toBe(value)
      await waitFor('the entry to be acked', async () => {
        const pending = (await client.xpending(source, roleGroup('uppercase'))) as [number]
        return pending[0] === 0
      })
    })
  }

  it('dead-letters a 10 MB payload as over the size limit', async () => {
    const huge = JSON.stringify({ ...valid, payload: { text: 'x'.repeat(10 * 1024 * 1024) } })
    const id = await client.xadd(source, '*', ENVELOPE_FIELD, huge)
    const letter = await deadLetterOf(id!)
    expect(letter[deadLetterFields.reason]).toMatch(/over the 1048576-byte limit/)
    expect(letter[ENVELOPE_FIELD]?.length).toBe(huge.length)
  })

  it('still answers requests afterwards', async () => {
    const result = await runtime.request('after_dlq', 'still here', { timeoutMs: 5000 })
    expect(result.payload.text).toBe('EREH LLITS')
  })
})
