import { describe, expect, it } from 'vitest'
import { ENVELOPE_FIELD } from '@shared/envelope'
import { deadLetterStream, roleGroup, roleStream, UNDECODABLE_MAXLEN, undecodableStream } from '@shared/keys'
import { sendEnvelope } from '../../../src/main/runtime'
import { addDeadLetter } from '../../../src/main/runtime/hop/dead-letter'
import { execTransaction, Transaction } from '../../../src/main/runtime/hop/transaction'
import { useRuntime } from './runtime-fixture'
import { waitFor } from '../../support/wait'

const source = roleStream('uppercase')
const GARBAGE = UNDECODABLE_MAXLEN + 2_000

describe('two dead-letter streams, each with its own caps', () => {
  const { client } = useRuntime({}, ['uppercase'])

  it(`a burst of ${GARBAGE} garbage entries does not push out replayable dead letters`, async () => {
    await client.hset('result:taken', 'f', 'v')
    for (let i = 0; i < 5; i++) {
      await sendEnvelope(client, { kind: 'role', name: 'uppercase' }, { conversation_id: 'caps', result_list: 'result:taken', payload: { i } })
    }
    await waitFor('5 replayable dead letters', async () => (await client.xlen(deadLetterStream(source))) === 5)
    for (let start = 0; start < GARBAGE; start += 1_000) {
      const pipe = client.pipeline()
      for (let i = start; i < Math.min(GARBAGE, start + 1_000); i++) pipe.xadd(source, '*', ENVELOPE_FIELD, `{not json ${i}`)
      await pipe.exec()
    }
    await waitFor('the burst handled', async () => {
      const [pending, lag] = await Promise.all([
        client.xpending(source, roleGroup('uppercase')) as Promise<[number]>,
        client.xinfo('GROUPS', source) as Promise<unknown[][]>,
      ])
      const info = lag[0] ?? []
      const lagValue = info[info.indexOf('lag') + 1]
      return pending[0] === 0 && Number(lagValue) === 0
    }, 120_000)
    expect(await client.xlen(deadLetterStream(source))).toBe(5)
    const kept = await client.xlen(undecodableStream(source))
    // MAXLEN ~ trims whole nodes (100 entries each by default): at most one node over the cap.
    expect(kept).toBeGreaterThan(UNDECODABLE_MAXLEN - 200)
    expect(kept).toBeLessThanOrEqual(UNDECODABLE_MAXLEN + 100)
  }, 180_000)

  it('the byte cap holds: 60 dead letters of 10 KB under a 100 KB cap keep the newest that fit', async () => {
    await client.xgroup('CREATE', 'caps:in', 'g', '$', 'MKSTREAM')
    const ids: string[] = []
    for (let i = 0; i < 60; i++) ids.push(String(await client.xadd('caps:in', '*', 'blob', 'x'.repeat(10_000), 'n', String(i))))
    await client.xreadgroup('GROUP', 'g', 'c', 'COUNT', 100, 'STREAMS', 'caps:in', '>')
    const target = { key: 'caps:dlq', maxLen: 1_000, maxBytes: 100_000 }
    for (const id of ids) {
      const tx = new Transaction()
      addDeadLetter(tx, { stream: 'caps:in', group: 'g', id, fields: {}, deliveries: 1 }, 'c', 'test', 'failed', target)
      expect(await execTransaction(client, tx)).toEqual([null])
    }
    const bytes = Number(await client.call('MEMORY', ['USAGE', 'caps:dlq']))
    const length = await client.xlen('caps:dlq')
    expect(length).toBeLessThan(60)
    expect(length).toBeGreaterThan(3)
    expect(bytes).toBeLessThanOrEqual(100_000 + 12_000) // one entry of slack: checked after each add
    const newest = await client.xrevrange('caps:dlq', '+', '-', 'COUNT', 1)
    expect(newest[0]?.[1]).toContain('59')
  })
})
