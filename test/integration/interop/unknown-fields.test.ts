import { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import { ENVELOPE_FIELD } from '@shared/envelope'
import { JOURNAL_STREAM, roleStream, undecodableStream } from '@shared/keys'
import { journalFields } from '@shared/records'
import { awaitResult } from '../../../src/main/runtime'
import { fieldsToRecord } from '../../../src/main/runtime/reader/stream-entry'
import { useRuntime } from '../runtime/runtime-fixture'

describe('unknown envelope fields', () => {
  const { server, client } = useRuntime()

  it('come back from a five-hop demo run, in the result and in every journaled hop; known ones are still validated', async () => {
    const extra = { ts: 1726339057.5, reply_role: 'clarify', tenant: { id: 'acme', tier: 2 } }
    // Written raw, as an agent in another language would: no Switchyard code on the way in.
    const raw = {
      conversation_id: 'conv-extra',
      message_id: 'conv-extra:1',
      target_role: 'manager',
      sender_role: 'external',
      kind: 'task',
      payload: { text: 'Hello, world!', stage: 'start', errors: [] },
      result_list: 'result:conv-extra:1',
      trace: [],
      create_ts: Date.now() / 1000,
      update_ts: Date.now() / 1000,
      ...extra,
    }
    await client.xadd(roleStream('manager'), '*', ENVELOPE_FIELD, JSON.stringify(raw))
    const waiter = new Redis(server.url)
    const result = await awaitResult(waiter, raw.result_list, 20_000)
    waiter.disconnect()
    expect(result?.payload.text).toBe('!DLROW ,OLLEH')
    expect(result).toMatchObject(extra)
    expect(result!.trace.length).toBe(5)

    const hops = (await client.xrange(JOURNAL_STREAM, '-', '+'))
      .map(([, flat]) => fieldsToRecord(flat))
      .filter((f) => f[journalFields.messageId] === raw.message_id)
    expect(hops).toHaveLength(5)
    for (const hop of hops) expect(JSON.parse(hop[journalFields.envelope]!)).toMatchObject(extra)

    // A known field of the wrong type is still refused (dead-lettered with the field's name), not passed on.
    await client.xadd(roleStream('manager'), '*', ENVELOPE_FIELD, JSON.stringify({ ...raw, message_id: 'conv-extra:2', process_count: 'many' }))
    const dlq = await waitForDeadLetter(client, 'stream:role:manager')
    expect(dlq).toContain('process_count')
  })
})

async function waitForDeadLetter(client: Redis, stream: string): Promise<string> {
  const { waitFor } = await import('../../support/wait')
  return waitFor('a dead letter naming the bad field', async () => {
    // A field of the wrong type makes the envelope undecodable: it goes to that stream's undecodable-input dead letters.
    const rows = await client.xrange(undecodableStream(stream), '-', '+')
    return rows.map(([, flat]) => fieldsToRecord(flat).dlq_reason ?? '').find((r) => r.length > 0) ?? null
  }, 15_000)
}
