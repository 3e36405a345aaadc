import { describe, expect, it } from 'vitest'
import { sendEnvelope } from '../../../src/main/runtime'
import { useRuntime } from './runtime-fixture'
import { waitFor } from '../../support/wait'

const REQUESTS = 300
const RESULTS = 'dropped:results'
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('dropped connections under traffic', () => {
  // Stalled entries are claimed again after 300 ms, so what a cut connection left pending comes back quickly.
  const { client } = useRuntime({ claimIdleMs: 300 })

  it('cuts every agent connection three times mid-traffic: every result arrives, and only once', async () => {
    const sent: string[] = []
    const sending = (async () => {
      for (let i = 0; i < REQUESTS; i++) {
        const { envelope } = await sendEnvelope(client, { kind: 'role', name: 'manager' }, {
          conversation_id: `dropped-${i}`,
          sender_role: 'external',
          result_list: RESULTS,
          payload: { text: `message ${i}`, stage: 'start' },
        })
        sent.push(envelope.message_id)
        await sleep(3)
      }
    })()
    for (let cut = 0; cut < 3; cut++) {
      await sleep(250)
      // Every connection but this test's own: the agents' readers, the command connection, the doorbell.
      const killed = await client.call('CLIENT', ['KILL', 'TYPE', 'normal', 'SKIPME', 'yes'])
      expect(Number(killed)).toBeGreaterThan(0)
    }
    await sending

    await waitFor(`${REQUESTS} results`, async () => (await client.llen(RESULTS)) >= REQUESTS, 30_000)
    await sleep(1_000) // time for a late duplicate to show up
    const results = (await client.lrange(RESULTS, 0, -1)).map((item) => JSON.parse(item) as { message_id: string; payload: { text: string } })
    const ids = results.map((r) => r.message_id)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual([...sent].sort())
    for (const r of results) expect(r.payload.text).toMatch(/^\d+ EGASSEM$/)
  }, 60_000)
})
