import { describe, expect, it } from 'vitest'
import { ClaimKeeper } from '../../../src/main/runtime/claims/keep-claimed'
import { parseReadReply, type ReceivedEntry } from '../../../src/main/runtime/reader/stream-entry'
import { useTestRedis } from '../../support/redis'
import { letTimePass, waitFor } from '../../support/wait'

const CLAIM_IDLE_MS = 600

describe('the claim keeper, while a slow process() still works on an entry', () => {
  const { client } = useTestRedis()

  async function readOne(stream: string): Promise<ReceivedEntry> {
    await client.xgroup('CREATE', stream, 'g', '0', 'MKSTREAM')
    await client.xadd(stream, '*', 'n', '1')
    const [entry] = parseReadReply(await client.call('XREADGROUP', ['GROUP', 'g', 'worker', 'COUNT', 1, 'STREAMS', stream, '>']), 'g')
    return entry!
  }
  /** [consumer, idle ms, deliveries] of the one pending entry. */
  async function pendingOf(stream: string): Promise<[string, number, number]> {
    const [row] = (await client.xpending(stream, 'g', '-', '+', 10)) as Array<[string, string, number, number]>
    return [row![1], Number(row![2]), Number(row![3])]
  }
  const sweep = async (stream: string): Promise<unknown[]> =>
    ((await client.call('XAUTOCLAIM', [stream, 'g', 'sweeper', CLAIM_IDLE_MS, '0-0'])) as unknown[][])[1]!

  it('keeps it claimed past claimIdleMs without adding deliveries; once released, it goes idle and a sweep takes it', async () => {
    const entry = await readOne('keep:slow')
    const keeper = new ClaimKeeper(() => client, () => 'worker', CLAIM_IDLE_MS)
    try {
      keeper.track(entry)
      // The point is time passing: three claimIdleMs in which a sweep must find nothing to take.
      for (let probe = 0; probe < 12; probe++) {
        await letTimePass(CLAIM_IDLE_MS / 4)
        const [owner, idle, deliveries] = await pendingOf('keep:slow')
        expect({ owner, deliveries, idleUnderClaimIdle: idle < CLAIM_IDLE_MS }).toEqual({ owner: 'worker', deliveries: 1, idleUnderClaimIdle: true })
      }
      expect(await sweep('keep:slow')).toEqual([])

      keeper.release(entry)
      await waitFor('the released entry idle past claimIdleMs', async () => (await pendingOf('keep:slow'))[1] >= CLAIM_IDLE_MS, 10_000)
      expect(await sweep('keep:slow')).toHaveLength(1)
      expect((await pendingOf('keep:slow'))[0]).toBe('sweeper')
    } finally {
      keeper.stop()
    }
  })

  it('gives up an entry held longer than maxHoldMs, so the sweeper can claim it', async () => {
    const entry = await readOne('keep:abandoned')
    const keeper = new ClaimKeeper(() => client, () => 'worker', CLAIM_IDLE_MS, 300)
    try {
      keeper.track(entry)
      expect(keeper.held).toBe(1)
      await waitFor('the abandoned entry no longer renewed', () => keeper.held === 0, 10_000)
      await waitFor('the abandoned entry swept', async () => (await sweep('keep:abandoned')).length === 1, 10_000)
    } finally {
      keeper.stop()
    }
  })
})
