import { describe, expect, it } from 'vitest'
import { sendEnvelope } from '../../../src/main/runtime'
import { useRuntime } from './runtime-fixture'
import { streamsAreQuiet } from '../../support/quiet'
import { letTimePass, waitFor } from '../../support/wait'

const REQUESTS = 300
const RESULTS = 'dropped:results'
/** Requests go out a few milliseconds apart, so the cuts fall in the middle of the traffic. */
const SEND_PACE_MS = 3

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
        await letTimePass(SEND_PACE_MS)
      }
    })()
    for (let cut = 0; cut < 3; cut++) {
      const due = (cut + 1) * (REQUESTS / 5)
      await waitFor(`${due} requests sent before cut ${cut + 1}`, () => sent.length >= due, 30_000)
      // Every connection but this test's own: the agents' readers, the command connection, the doorbell.
      const killed = await client.call('CLIENT', ['KILL', 'TYPE', 'normal', 'SKIPME', 'yes'])
      expect(Number(killed)).toBeGreaterThan(0)
    }
    await sending

    await waitFor(`${REQUESTS} results`, async () => (await client.llen(RESULTS)) >= REQUESTS, 30_000)
    // Once no group holds an entry pending or undelivered, no late duplicate can follow.
    await waitFor('no entry in flight in any group', () => streamsAreQuiet(client), 30_000)
    const results = (await client.lrange(RESULTS, 0, -1)).map((item) => JSON.parse(item) as { message_id: string; payload: { text: string } })
    const ids = results.map((r) => r.message_id)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual([...sent].sort())
    for (const r of results) expect(r.payload.text).toMatch(/^\d+ EGASSEM$/)
  }, 60_000)
})
