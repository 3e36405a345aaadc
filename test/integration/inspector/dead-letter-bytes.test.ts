import { describe, expect, it } from 'vitest'
import { deadLetterStream } from '@shared/keys'
import { waitFor } from '../../support/wait'
import { useHarness } from './harness'

const { h } = useHarness()

/** A MessagePack-looking value with bytes that are not UTF-8 (ff fe), and a name that is not either. */
const VALUE = Buffer.from('82a3666f6fa3626172c4fffe0001', 'hex')
const NAME = Buffer.from([0x62, 0x69, 0x6e, 0xff])

/** Field pairs of one entry, read as bytes. */
async function bytesOf(stream: string, id: string): Promise<Buffer[]> {
  const [row] = await h.redis.xrangeBuffer(stream, id, id)
  return row?.[1] ?? []
}

describe('dead letters keep bytes exactly', () => {
  it('82a3…fffe0001 survives a move to the dead letters and a replay, byte for byte, and is shown as marked hex', async () => {
    const stream = 'bytes:in'
    await h.redis.xgroup('CREATE', stream, 'g', '$', 'MKSTREAM')
    // The entry's own dlq_reason must neither override the real reason nor be lost on replay.
    const id = await h.redis.xadd(stream, '*', 'payload', VALUE, NAME, VALUE, 'text', 'plain', 'dlq_reason', 'mine')
    await h.redis.xreadgroup('GROUP', 'g', 'c1', 'COUNT', 10, 'STREAMS', stream, '>')

    const page = await h.ok('streams.page', { stream })
    expect(page.entries[0]).toMatchObject({
      fields: { payload: VALUE.toString('hex'), [NAME.toString('hex')]: VALUE.toString('hex'), text: 'plain' },
      hexValues: ['payload', NAME.toString('hex')],
      hexNames: [NAME.toString('hex')],
    })

    expect(await h.ok('pending.deadLetter', { stream, group: 'g', ids: [id!], reason: 'operator test' })).toEqual({ moved: 1 })
    const dlq = deadLetterStream(stream)
    const [letter] = await h.ok('deadLetters.list', { sourceStream: stream })
    expect(letter).toMatchObject({ reason: 'operator test', fields: { payload: VALUE.toString('hex') } })
    expect(letter?.hexValues).toContain('payload')
    const moved = await bytesOf(dlq, letter!.id)
    expect(moved.slice(0, 6)).toEqual([Buffer.from('payload'), VALUE, NAME, VALUE, Buffer.from('text'), Buffer.from('plain')])
    expect(letter?.fields.dlq_entry_dlq_reason).toBe('mine')

    const { replayed } = await h.ok('deadLetters.replay', { deadLetterStream: dlq, ids: [letter!.id] })
    const back = await bytesOf(stream, replayed[0]!.newId)
    expect(back).toEqual([Buffer.from('payload'), VALUE, NAME, VALUE, Buffer.from('text'), Buffer.from('plain'), Buffer.from('dlq_reason'), Buffer.from('mine')])
    expect(Buffer.concat(back).includes(Buffer.from('efbfbd', 'hex'))).toBe(false)
  })

  it('a live tail pushes non-UTF-8 values as marked hex', async () => {
    const stream = 'bytes:tail'
    await h.redis.xadd(stream, '*', 'v', 'x')
    const { tailId } = await h.ok('streams.tail.start', { stream, fromId: '$' })
    try {
      await h.redis.xadd(stream, '*', 'v', VALUE)
      const batch = await waitFor('a tail push', () => h.log.of('tail').find((b) => b.tailId === tailId && b.entries.length > 0))
      expect(batch.entries[0]).toMatchObject({ fields: { v: VALUE.toString('hex') }, hexValues: ['v'] })
    } finally {
      await h.ok('streams.tail.stop', { tailId })
    }
  })
})
