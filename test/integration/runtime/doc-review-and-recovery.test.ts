import { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import { ENVELOPE_FIELD } from '@shared/envelope'
import { AGENT_REGISTRY, DOC_SUMMARY, DOC_TASKS, agentGroup, agentStream, deadLetterStream, roleGroup, roleStream, undecodableStream } from '@shared/keys'
import { deadLetterFields } from '@shared/records'
import { awaitResult, BaseAgent, completeEnvelope, pipelineRoles, sendEnvelope } from '../../../src/main/runtime'
import type { Envelope } from '@shared/envelope'
import { fieldsToRecord } from '../../../src/main/runtime/reader/stream-entry'
import { ensureGroup } from '../../../src/main/runtime/reader/ensure-group'
import { trimSafely } from '../../../src/main/runtime/hop/trim'
import { useRuntime } from './runtime-fixture'
import { letTimePass, waitFor } from '../../support/wait'

/** Works for longer than claimIdleMs: must not be mistaken for a crashed consumer. */
class SlowUpperAgent extends BaseAgent {
  async process(env: Envelope): Promise<Envelope> {
    await letTimePass(1200) // the slow work itself
    env.payload.text = String(env.payload.text).toUpperCase()
    return env
  }
}

describe('document review (seed 000), stalled entries and trimming', () => {
  const { server, runtime, client } = useRuntime(
    { claimIdleMs: 300, maxDeliveries: 3, streamMaxLen: 50 },
    pipelineRoles['doc-review'],
    // Small stream nodes so approximate trimming (MINID ~) works at test sizes.
    (client) => client.config('SET', 'stream-node-max-entries', '10'),
  )

  it('turns the redis-cli chunk into four summary entries, one per specialist', async () => {
    // redis-cli XADD doc.review.tasks '*' doc_id d1 chunk_id c1 text "..."
    await client.xadd(DOC_TASKS, '*', 'doc_id', 'd1', 'chunk_id', 'c1', 'text', 'Their going to the park tomorow.')
    const summaries = await waitFor('four summaries of d1', async () => {
      const all = (await client.xrange(DOC_SUMMARY, '-', '+')).map(([, flat]) => fieldsToRecord(flat))
      const mine = all.filter((s) => JSON.parse(s.data ?? '{}').doc_id === 'd1')
      return mine.length >= 4 ? mine : null
    })
    expect(summaries).toHaveLength(4)
    expect(summaries.map((s) => s.original_stream).sort()).toEqual([
      'doc.suggestions.clarity', 'doc.suggestions.grammar', 'doc.suggestions.structure', 'doc.suggestions.tone',
    ])
    for (const s of summaries) {
      expect(s.type).toBe('final_suggestion')
      const data = JSON.parse(s.data!) as Record<string, string>
      expect(data.chunk_id).toBe('c1')
      expect(data.suggested_text).toBe(`Their going to the park tomorow.\n[AI: ${data.type!.toUpperCase()} DONE]`)
    }
  })

  it('dead-letters a chunk without its text (undecodable input) and goes on', async () => {
    const id = await client.xadd(DOC_TASKS, '*', 'doc_id', 'd2', 'chunk_id', 'c1')
    const letter = await waitFor('the dead letter', async () =>
      (await client.xrange(undecodableStream(DOC_TASKS), '-', '+')).map(([, f]) => fieldsToRecord(f)).find((f) => f[deadLetterFields.sourceId] === id),
    )
    expect(letter[deadLetterFields.reason]).toBe('missing field "text"')
  })

  it('claims entries a crashed consumer left pending, and dead-letters those delivered too often', async () => {
    const stream = roleStream('uppercase')
    const group = roleGroup('uppercase')
    await ensureGroup(client, stream, group)
    const stalled = completeEnvelope({ kind: 'role', name: 'uppercase' }, { conversation_id: 'stall', sender_role: 'external', payload: { text: 'stalled' } })
    const poisoned = completeEnvelope({ kind: 'role', name: 'uppercase' }, { conversation_id: 'poison', sender_role: 'external', payload: { text: 'poison' } })
    // A consumer that reads and then "crashes": its entries stay pending.
    const crashed = new Redis(server.url)
    await crashed.xadd(stream, '*', ENVELOPE_FIELD, JSON.stringify(stalled))
    const poisonId = await crashed.xadd(stream, '*', ENVELOPE_FIELD, JSON.stringify(poisoned))
    await crashed.xreadgroup('GROUP', group, 'crashed-consumer', 'COUNT', 10, 'STREAMS', stream, '>')
    await crashed.call('XCLAIM', [stream, group, 'crashed-consumer', 0, poisonId!, 'RETRYCOUNT', 5])
    crashed.disconnect()
    // Only now does a live instance of the role start: it must find both by claiming.
    await runtime.startRole('uppercase')

    const waiter = new Redis(server.url)
    const result = await waitFor('the stalled envelope to be processed', async () => {
      const item = await waiter.rpop(stalled.result_list)
      return item ? (JSON.parse(item) as { payload: { text: string } }) : null
    })
    expect(result.payload.text).toBe('STALLED')
    const letter = await waitFor('the poisoned entry in the dead-letter stream', async () =>
      (await waiter.xrange(deadLetterStream(stream), '-', '+')).map(([, f]) => fieldsToRecord(f)).find((f) => f[deadLetterFields.sourceId] === poisonId),
    )
    expect(letter[deadLetterFields.reason]).toMatch(/^delivered \d+ times \(limit 3\)/)
    waiter.disconnect()
  })

  it('claims what a dead agent left in its own stream, pending or never read', async () => {
    const ghost = 'ghost-host:4242:1'
    const stale = Date.now() / 1000 - 60
    await client.hset(AGENT_REGISTRY, ghost, JSON.stringify({
      agent_id: ghost, role: 'uppercase', host: 'ghost-host', pid: 4242, status: 'idle', busy: false,
      runs: 0, avg_time: 0, started_ts: stale, ts: stale, interval: 1,
    }))
    await ensureGroup(client, agentStream(ghost), agentGroup(ghost))
    const held = completeEnvelope({ kind: 'agent', name: ghost }, { conversation_id: 'ghost', sender_role: 'external', payload: { text: 'held' } })
    await client.xadd(agentStream(ghost), '*', ENVELOPE_FIELD, JSON.stringify(held))
    await client.xreadgroup('GROUP', agentGroup(ghost), ghost, 'COUNT', 10, 'STREAMS', agentStream(ghost), '>')
    const unread = completeEnvelope({ kind: 'agent', name: ghost }, { conversation_id: 'ghost', sender_role: 'external', payload: { text: 'unread' } })
    await client.xadd(agentStream(ghost), '*', ENVELOPE_FIELD, JSON.stringify(unread))
    const waiter = new Redis(server.url)
    for (const [sent, text] of [[held, 'HELD'], [unread, 'UNREAD']] as const) {
      const result = await waitFor(`the dead agent's envelope "${text}" to be served`, async () => {
        const item = await waiter.rpop(sent.result_list)
        return item ? (JSON.parse(item) as { payload: { text: string }; trace: Array<{ agent_id: string }> }) : null
      })
      expect(result.payload.text).toBe(text)
      expect(result.trace[0]?.agent_id).not.toBe(ghost)
    }
    waiter.disconnect()
  })

  it('keeps entries a slow agent is still working on from being claimed by another instance', async () => {
    const first = new SlowUpperAgent()
    const second = new SlowUpperAgent()
    await runtime.startAgent(first)
    await runtime.startAgent(second)
    const { envelope } = await sendEnvelope(client, { kind: 'role', name: 'slow_upper' }, {
      conversation_id: 'slow', sender_role: 'external', payload: { text: 'patience' },
    })
    const waiter = new Redis(server.url)
    const result = await awaitResult(waiter, envelope.result_list, 5000)
    expect(result?.payload.text).toBe('PATIENCE')
    // Negative check: a second, duplicate processing would land within another 1.2 s.
    expect(await awaitResult(waiter, envelope.result_list, 1500)).toBeNull()
    waiter.disconnect()
    expect(first.runs + second.runs).toBe(1)
  })

  it('keeps a busy input stream near its cap while serving it', async () => {
    const pipeline = client.pipeline()
    for (let i = 0; i < 400; i++) pipeline.xadd(DOC_TASKS, '*', 'doc_id', 'bulk', 'chunk_id', `c${i}`, 'text', 'bulk text')
    await pipeline.exec()
    await waitFor('1,600 summaries of the bulk document', async () => {
      const summaries = await client.xlen(DOC_SUMMARY)
      return summaries >= 1600 + 4
    }, 20_000)
    await waitFor('doc.review.tasks trimmed to about its cap of 50', async () => (await client.xlen(DOC_TASKS)) <= 60, 5000)
  })

  it('trims a stream towards its cap but never drops a pending or undelivered entry', async () => {
    const stream = 'trim:test'
    await ensureGroup(client, stream, 'g')
    const ids: string[] = []
    for (let i = 0; i < 300; i++) ids.push((await client.xadd(stream, '*', 'n', String(i)))!)
    await client.xreadgroup('GROUP', 'g', 'c', 'COUNT', 200, 'STREAMS', stream, '>')
    await client.xack(stream, 'g', ...ids.slice(0, 150)) // 150..199 stay pending, 200..299 undelivered
    await trimSafely(client, stream, 20)
    const left = (await client.xrange(stream, '-', '+')).map(([id]) => id)
    expect(left.length).toBeLessThan(300)
    expect(left).toEqual(expect.arrayContaining(ids.slice(150)))
    await client.xack(stream, 'g', ...ids.slice(150, 200))
    await client.xreadgroup('GROUP', 'g', 'c', 'COUNT', 200, 'STREAMS', stream, '>')
    await client.xack(stream, 'g', ...ids.slice(200))
    await trimSafely(client, stream, 20)
    expect(await client.xlen(stream)).toBeLessThanOrEqual(30)
  })
})
