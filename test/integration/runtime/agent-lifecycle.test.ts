import type { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import type { Envelope } from '@shared/envelope'
import { resultList } from '@shared/keys'
import { BaseAgent, sendEnvelope } from '../../../src/main/runtime'
import type { ProcessContext } from '../../../src/main/runtime/core/async-utils'
import { useRuntime } from './runtime-fixture'
import { waitFor } from '../../support/wait'

class Echo extends BaseAgent {
  process(env: Envelope): Envelope {
    return env
  }
}

/** Never finishes an envelope until its signal fires (the agent giving its work up). */
class Stuck extends BaseAgent {
  aborted = 0
  async process(env: Envelope, { signal }: ProcessContext): Promise<Envelope> {
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()))
    this.aborted += 1
    return env
  }
}

/** Connections blocked in (or last running) XREADGROUP: one per read loop. */
async function readConnections(client: Redis): Promise<number> {
  const list = String(await client.client('LIST'))
  return list.split('\n').filter((line) => / cmd=xreadgroup\b/.test(line)).length
}

describe("an agent's lifecycle is one state machine (one read loop, ever)", () => {
  const { runtime, client } = useRuntime({ blockMs: 5_000 }, [])

  it('stop then start, twice and without waiting: exactly one read loop and one reading connection', async () => {
    const agent = new Echo('lifecycle')
    await runtime.startAgent(agent)
    await waitFor('the first read', async () => (await readConnections(client)) === 1)
    // The read is blocked (BLOCK 5 s): stop must end it for real, not give up waiting on it.
    await agent.stop()
    expect(agent.readLoopsRunning).toBe(0)
    const ctx = (agent as unknown as { ctx: Parameters<Echo['start']>[0] }).ctx
    const restarts = [agent.start(ctx), agent.start(ctx)]
    await Promise.all(restarts)
    expect(agent.readLoopsRunning).toBe(1)
    // A start while running is a no-op.
    await agent.start(ctx)
    expect(agent.readLoopsRunning).toBe(1)
    // Stop and start without awaiting the stop: the start waits for the old loop.
    void agent.stop()
    await agent.start(ctx)
    expect(agent.readLoopsRunning).toBe(1)
    await waitFor('one reading connection', async () => (await readConnections(client)) === 1)
    // And it still serves.
    const { envelope } = await sendEnvelope(client, { kind: 'role', name: 'lifecycle' }, { conversation_id: 'lc', payload: { text: 'x' } })
    await waitFor('the result', () => client.llen(resultList(envelope.message_id)))
    expect(await readConnections(client)).toBe(1)
    await agent.stop()
    expect(agent.readLoopsRunning).toBe(0)
    await waitFor('no reading connection', async () => (await readConnections(client)) === 0)
  })

  it('stop while an entry is stuck past the stop bound, then start: the old loop is gone, one loop runs, the entry stays pending', async () => {
    const agent = new Stuck('stuck')
    await runtime.startAgent(agent)
    const { envelope } = await sendEnvelope(client, { kind: 'role', name: 'stuck' }, { conversation_id: 'st', payload: { text: 'x' } })
    await waitFor('the entry in hand', () => agent.busy)
    await agent.stop()
    expect(agent.readLoopsRunning).toBe(0)
    expect(agent.aborted).toBe(1) // given up at the stop bound: its signal fired
    const ctx = (agent as unknown as { ctx: Parameters<Stuck['start']>[0] }).ctx
    await agent.start(ctx)
    expect(agent.readLoopsRunning).toBe(1)
    await waitFor('one reading connection', async () => (await readConnections(client)) === 1)
    // Abandoned, not acked, not answered: pending for the sweeper to hand out again.
    expect(await client.llen(resultList(envelope.message_id))).toBe(0)
    const pending = (await client.xpending('stream:role:stuck', 'cg:role:stuck')) as [number]
    expect(pending[0]).toBe(1)
    await agent.stop({ drain: false })
  })
})
