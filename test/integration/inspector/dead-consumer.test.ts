import { describe, expect, it } from 'vitest'
import type { Redis } from 'ioredis'
import { useHarness } from './harness'
import { waitFor } from '../../support/wait'

const { h } = useHarness()

type Rows = Array<[string, Array<[string, string[]]>]> | null

/** Fills a plain stream and lets consumer `dead` read everything without acking, like a crashed worker. */
async function strandEntries(stream: string, group: string, dead: string, count: number): Promise<string[]> {
  const pipe = h.redis.pipeline()
  for (let i = 0; i < count; i++) pipe.xadd(stream, '*', 'n', String(i))
  const ids = ((await pipe.exec()) ?? []).map(([, id]) => String(id))
  await h.redis.xgroup('CREATE', stream, group, '0')
  await h.redis.xreadgroup('GROUP', group, dead, 'COUNT', count, 'STREAMS', stream, '>')
  return ids
}

/** A live worker: drains its own pending list first, then new entries; acks each and counts it. */
function liveConsumer(client: Redis, stream: string, group: string, name: string) {
  const processed = new Map<string, number>()
  let running = true
  const loop = (async () => {
    while (running) {
      let rows = (await client.xreadgroup('GROUP', group, name, 'COUNT', 50, 'STREAMS', stream, '0')) as Rows
      if (!rows?.[0]?.[1].length) {
        rows = (await client.xreadgroup('GROUP', group, name, 'COUNT', 50, 'BLOCK', 100, 'STREAMS', stream, '>')) as Rows
      }
      for (const [id] of rows?.[0]?.[1] ?? []) {
        processed.set(id, (processed.get(id) ?? 0) + 1)
        await client.xack(stream, group, id)
      }
    }
  })()
  return { processed, stop: async () => { running = false; await loop } }
}

describe('a consumer that died with 100 entries pending', () => {
  it('claim-all-idle moves them to a live consumer and each is processed exactly once', async () => {
    const ids = await strandEntries('orders', 'workers', 'dead-1', 100)
    const live = liveConsumer(h.client(), 'orders', 'workers', 'live-1')
    try {
      const page = await h.ok('pending.list', { stream: 'orders', group: 'workers', count: 10 })
      expect(page.total).toBe(100)
      expect(page.consumers).toEqual([{ name: 'dead-1', pending: 100, idleMs: expect.any(Number) }])

      // The operator sees how many are idle longer than T before running the claim.
      const preview = await waitFor('100 entries idle over 50 ms', async () => {
        const p = await h.ok('pending.claimIdle.preview', { stream: 'orders', group: 'workers', minIdleMs: 50 })
        return p.count === 100 ? p : undefined
      })
      expect(preview.count).toBe(100)

      const claim = await h.ok('pending.claimIdle', { stream: 'orders', group: 'workers', consumer: 'live-1', minIdleMs: 50 })
      expect(claim).toEqual({ claimed: 100, deleted: [] })

      await waitFor('all 100 processed', () => live.processed.size === 100)
      await waitFor('nothing pending', async () => (await h.redis.xpending('orders', 'workers'))[0] === 0)
      expect([...live.processed.keys()].sort()).toEqual([...ids].sort())
      expect([...live.processed.values()].every((n) => n === 1)).toBe(true)
    } finally {
      await live.stop()
    }
  })
})
