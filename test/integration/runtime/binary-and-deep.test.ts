import { describe, expect, it } from 'vitest'
import { ENVELOPE_FIELD } from '@shared/envelope'
import { roleGroup, roleStream, undecodableStream } from '@shared/keys'
import { deadLetterFields } from '@shared/records'
import { sendEnvelope } from '../../../src/main/runtime'
import { fieldsToRecord } from '../../../src/main/runtime/reader/stream-entry'
import { useRuntime } from './runtime-fixture'
import { waitFor } from '../../support/wait'

const source = roleStream('uppercase')
const undecodable = undecodableStream(source)

describe('bytes survive, and undecodable input is dead-lettered at once with the exact reason', () => {
  const { runtime, client } = useRuntime({}, ['uppercase'])

  /** The undecodable dead letter of `sourceId`, as text and as the exact bytes Redis holds. */
  async function letterOf(sourceId: string): Promise<{ text: Record<string, string>; bytes: Map<string, Buffer> }> {
    const row = await waitFor(`the dead letter of ${sourceId}`, async () => {
      const rows = await client.xrangeBuffer(undecodable, '-', '+')
      return rows.find(([, flat]) => fieldsToRecord(flat.map(String))[deadLetterFields.sourceId] === sourceId) ?? null
    })
    const bytes = new Map<string, Buffer>()
    for (let i = 0; i + 1 < row[1].length; i += 2) bytes.set(String(row[1][i]), row[1][i + 1]!)
    return { text: fieldsToRecord(row[1].map(String)), bytes }
  }

  it('an envelope holding bytes FF FE: dead-lettered on its first delivery, reason names the byte, the copy keeps the bytes', async () => {
    const raw = Buffer.concat([
      Buffer.from('{"conversation_id":"bin","message_id":"bin-1","payload":{"text":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}}'),
    ])
    const id = String(await client.xadd(source, '*', ENVELOPE_FIELD, raw))
    const { text, bytes } = await letterOf(id)
    expect(text[deadLetterFields.reason]).toBe(`field "envelope" is not valid UTF-8 (byte 0xff at offset ${raw.indexOf(0xff)})`)
    expect(text[deadLetterFields.deliveries]).toBe('1')
    expect(bytes.get(ENVELOPE_FIELD)?.equals(raw)).toBe(true)
  })

  it('a binary side field (82 a3 … ff fe 00 01) is copied byte for byte', async () => {
    const blob = Buffer.from('82a3666f6fa362617200fffe0001', 'hex')
    const id = String(await client.xadd(source, '*', 'blob', blob, ENVELOPE_FIELD, '{}'))
    const { text, bytes } = await letterOf(id)
    expect(text[deadLetterFields.reason]).toMatch(/^field "blob" is not valid UTF-8 \(byte 0x82 at offset 0\)$/)
    expect(bytes.get('blob')?.toString('hex')).toBe('82a3666f6fa362617200fffe0001')
  })

  it('a message_id with a lone surrogate (would name a different result key) is refused with the reason', async () => {
    const json = '{"conversation_id":"bin","message_id":"m-\\udcff","payload":{"text":"x"}}'
    const id = String(await client.xadd(source, '*', ENVELOPE_FIELD, json))
    const { text } = await letterOf(id)
    expect(text[deadLetterFields.reason]).toBe('envelope field "message_id" is not valid UTF-8 (it holds a lone surrogate escape)')
  })

  it('a payload 5,000 levels deep goes at once, as too deep (not after 6 deliveries as "not acked")', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`
    const json = `{"conversation_id":"bin","message_id":"deep","payload":{"text":"x","deep":${deep}}}`
    const id = String(await client.xadd(source, '*', ENVELOPE_FIELD, json))
    const { text, bytes } = await letterOf(id)
    expect(text[deadLetterFields.reason]).toBe('envelope nests deeper than 256 levels')
    expect(text[deadLetterFields.deliveries]).toBe('1')
    expect(bytes.get(ENVELOPE_FIELD)?.toString()).toBe(json)
  })

  it('nothing of it is left pending, and the agent still answers', async () => {
    await waitFor('nothing pending', async () => ((await client.xpending(source, roleGroup('uppercase'))) as [number])[0] === 0)
    const { envelope } = await sendEnvelope(client, { kind: 'role', name: 'uppercase' }, {
      conversation_id: 'bin', payload: { text: 'still here' },
    })
    const result = await waitFor('the result', () => client.lindex(envelope.result_list, 0))
    expect(JSON.parse(result).payload.text).toBe('STILL HERE')
    expect(runtime.localAgents()).toHaveLength(1)
  })
})
