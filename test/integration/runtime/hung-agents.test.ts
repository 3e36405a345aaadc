import { describe, expect, it } from 'vitest'
import type { Envelope } from '@shared/envelope'
import { deadLetterStream, resultList } from '@shared/keys'
import { deadLetterFields } from '@shared/records'
import { BaseAgent, FlatAgent, sendEnvelope, type FlatOutput } from '../../../src/main/runtime'
import type { ProcessContext } from '../../../src/main/runtime/core/async-utils'
import { ClaimKeeper } from '../../../src/main/runtime/claims/keep-claimed'
import { fieldsToRecord, type ReceivedEntry } from '../../../src/main/runtime/reader/stream-entry'
import { useRuntime } from './runtime-fixture'
import { waitFor } from '../../support/wait'

/** Hangs on envelopes marked `hang` until the test lets them go (or its signal fires); answers the others at once. */
class Hangy extends BaseAgent {
  readonly gate = { open: false, hanging: 0, aborted: 0 }
  async process(env: Envelope, { signal }: ProcessContext): Promise<Envelope> {
    if (!env.payload.hang) return { ...env, payload: { ...env.payload, done: true } }
    const gate = this.gate
    gate.hanging += 1
    try {
      await waitFor('the gate', () => gate.open || signal.aborted, { timeoutMs: 600_000, intervalMs: 20 })
      if (signal.aborted) gate.aborted += 1
      return { ...env, payload: { ...env.payload, done: true } }
    } finally {
      gate.hanging -= 1
    }
  }
}

class HangingFlat extends FlatAgent {
  readonly inputs = ['hangflat:in']
  readonly group = 'hangflat-group'
  override taskTimeoutSec = 0.3
  seenAbort = false
  async processFields(_entry: ReceivedEntry, { signal }: ProcessContext): Promise<FlatOutput[]> {
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()))
    this.seenAbort = true
    return []
  }
}

describe('a hung process() delays nobody else (concurrency slots)', () => {
  // claimIdleMs short: a hung entry the claim keeper failed to renew would be handed to the other instance (hanging twice).
  const { runtime, client } = useRuntime({ claimIdleMs: 300 }, [])

  it('2 instances, 300 envelopes of which 66 hang: the 234 others are all on their lists while the 66 still hang', async () => {
    const agents = [new Hangy('hangy'), new Hangy('hangy')]
    for (const agent of agents) await runtime.startAgent(agent)
    const total = (key: 'hanging' | 'aborted'): number => agents.reduce((sum, a) => sum + a.gate[key], 0)
    const ids: Array<{ id: string; hang: boolean }> = []
    for (let i = 0; i < 300; i++) {
      const hang = i % 50 < 11 // 66 of 300, in runs through the stream
      const { envelope } = await sendEnvelope(client, { kind: 'role', name: 'hangy' }, { conversation_id: 'hung', payload: { i, hang } })
      ids.push({ id: envelope.message_id, hang })
    }
    const hung = ids.filter((x) => x.hang)
    const quick = ids.filter((x) => !x.hang)
    expect(hung).toHaveLength(66)
    await waitFor('all 234 quick results', async () => {
      const lengths = await Promise.all(quick.map((q) => client.llen(resultList(q.id))))
      return lengths.every((n) => n === 1)
    }, 60_000)
    // The others arrived while every hung one is still running, each once (none claimed away), none with a result.
    expect(total('hanging')).toBe(66)
    const hungResults = await Promise.all(hung.map((h) => client.llen(resultList(h.id))))
    expect(hungResults.every((n) => n === 0)).toBe(true)
    for (const agent of agents) agent.gate.open = true
    const all = await waitFor('every result', async () => {
      const lengths = await Promise.all(ids.map((x) => client.llen(resultList(x.id))))
      return lengths.every((n) => n >= 1) ? lengths : null
    }, 60_000)
    expect(all.every((n) => n === 1)).toBe(true)
    expect(total('aborted')).toBe(0)
  }, 180_000)
})

describe('timeouts: the cap, AbortSignal, flat agents, the claim keeper', () => {
  const { runtime, client } = useRuntime({ maxTaskTimeoutSec: 1 }, [])

  it('a sender asking for 1000 s gets the 1 s cap: process() is abandoned, its signal fires, the error is the result', async () => {
    const agent = new Hangy('hangy2')
    await runtime.startAgent(agent)
    const { envelope } = await sendEnvelope(client, { kind: 'role', name: 'hangy2' }, {
      conversation_id: 'cap', payload: { hang: true, __agent_timeout_sec: 1000 },
    })
    const raw = await waitFor('the result', () => client.lindex(resultList(envelope.message_id), 0), 30_000)
    const result = JSON.parse(raw) as Envelope
    expect(JSON.stringify(result.payload.errors)).toMatch(/process\(\) timed out after 1s/)
    await waitFor('the abort seen by process()', () => agent.gate.aborted === 1)
  })

  it('a seed 000 (flat) agent times out too: its signal fires and the entry is dead-lettered with the reason', async () => {
    const agent = new HangingFlat('hangflat')
    await runtime.startAgent(agent)
    const id = await client.xadd('hangflat:in', '*', 'doc_id', 'd')
    const letter = await waitFor('the dead letter', async () =>
      (await client.xrange(deadLetterStream('hangflat:in'), '-', '+')).map(([, f]) => fieldsToRecord(f)).find((f) => f[deadLetterFields.sourceId] === id),
    )
    expect(letter[deadLetterFields.reason]).toBe('processing failed: processFields() timed out after 0.3s')
    await waitFor('the abort seen', () => agent.seenAbort)
  })

  it('the claim keeper stops renewing an entry held past its bound', async () => {
    await client.xgroup('CREATE', 'keeper:in', 'g', '$', 'MKSTREAM')
    const id = String(await client.xadd('keeper:in', '*', 'a', '1'))
    await client.xreadgroup('GROUP', 'g', 'c1', 'COUNT', 1, 'STREAMS', 'keeper:in', '>')
    const keeper = new ClaimKeeper(() => client, () => 'c1', 150, 400)
    keeper.track({ stream: 'keeper:in', group: 'g', id, fields: {}, deliveries: 1 })
    try {
      await waitFor('the keeper to let go', () => keeper.held === 0, 5000)
      const idleOf = async (): Promise<number> => Number(((await client.xpending('keeper:in', 'g', '-', '+', 1)) as Array<[string, string, number]>)[0]?.[2])
      await waitFor('the entry to go idle', async () => (await idleOf()) > 600, 5000)
    } finally {
      keeper.stop()
    }
  })
})
