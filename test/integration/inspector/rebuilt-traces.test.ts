import { describe, expect, it } from 'vitest'
import type { Envelope } from '@shared/envelope'
import { ENVELOPE_FIELD } from '@shared/envelope'
import { BaseAgent, sendEnvelope } from '../../../src/main/runtime'
import { fieldsToRecord } from '../../../src/main/runtime/reader/stream-entry'
import { useRuntime } from '../runtime/runtime-fixture'
import { createHarness } from './harness'
import { waitFor } from '../../support/wait'

/** Journals its hop and hands the envelope to `finisher`, an agent that keeps no journal. */
class PrepareAgent extends BaseAgent {
  process(env: Envelope): Envelope {
    env.payload.prepared = true
    env.target_role = 'finisher'
    return env
  }
}

describe('a watched trace whose last hop keeps no journal', () => {
  const { server, runtime, client } = useRuntime({}, [])

  it('is pushed complete when the result list fills, its last hop rebuilt from the result', async () => {
    await runtime.startAgent(new PrepareAgent())
    const h = createHarness(server.url, { tracePollMs: 50 })
    try {
      const { envelope } = await sendEnvelope(client, { kind: 'role', name: 'prepare' }, { conversation_id: 'rebuilt', payload: {} })
      await client.xgroup('CREATE', 'stream:role:finisher', 'cg:role:finisher', '0', 'MKSTREAM').catch(() => undefined)
      await waitFor('the journaled first hop', async () => (await h.ok('traces.find', { messageId: envelope.message_id })).length > 0, 15_000)
      const watched = await h.ok('traces.watch', { messageId: envelope.message_id })
      expect(watched?.complete).toBe(false)

      // The finisher, as an agent in any language would: read, append its trace entry, LPUSH the result, ack.
      const reply = (await client.xreadgroup('GROUP', 'cg:role:finisher', 'finisher-1', 'COUNT', 1, 'STREAMS', 'stream:role:finisher', '>')) as
        Array<[string, Array<[string, string[]]>]>
      const [id, fields] = reply[0]![1][0]!
      const env = JSON.parse(fieldsToRecord(fields)[ENVELOPE_FIELD]!) as Envelope
      const now = Date.now() / 1000
      env.trace.push({ start_ts: now, role: 'finisher', agent_id: 'finisher-1', end_ts: now, duration: 0, error: null })
      env.kind = 'result'
      await client.lpush(env.result_list, JSON.stringify(env))
      await client.xack('stream:role:finisher', 'cg:role:finisher', id)

      const pushed = await waitFor('the completed trace pushed', () => h.log.of('trace').find((t) => t.messageId === envelope.message_id && t.complete), 15_000)
      expect(pushed.hops.map((hop) => [hop.role, hop.rebuilt ?? false])).toEqual([['prepare', false], ['finisher', true]])
      expect(pushed.hops[1]).toMatchObject({ agentId: 'finisher-1', destination: env.result_list, entryId: '' })
    } finally {
      await h.close()
    }
  })
})
