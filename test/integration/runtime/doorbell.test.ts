import { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import { agentStream } from '@shared/keys'
import { awaitResult, sendEnvelope } from '../../../src/main/runtime'
import { Doorbell } from '../../../src/main/runtime/reader/doorbell'
import { useRuntime } from './runtime-fixture'
import { useTestRedis } from '../../support/redis'
import { clientsBlockedIn } from '../../support/quiet'
import { waitFor } from '../../support/wait'

/**
 * Reads block for 30 s here, so a message that waited for the BLOCK to end
 * would miss the 10 s the checks allow: only a working doorbell passes.
 */
const LONG_BLOCK_MS = 30_000
const WELL_BEFORE_THE_BLOCK_ENDS_MS = 10_000

describe('a message to an agent\'s own stream, while the agent is blocked on its role stream', () => {
  const { server, runtime, client } = useRuntime({ blockMs: LONG_BLOCK_MS }, ['uppercase'])

  it('is served by that agent without waiting for the role read\'s BLOCK to end', async () => {
    const [agent] = runtime.localAgents()
    await waitFor('the agent blocked in its read', async () => (await clientsBlockedIn(client, 'xreadgroup')) >= 1)
    const { envelope } = await sendEnvelope(client, { kind: 'agent', name: agent!.agentId }, {
      conversation_id: 'doorbell', sender_role: 'external', payload: { text: 'ring' },
    })
    const waiter = new Redis(server.url)
    try {
      const result = await awaitResult(waiter, envelope.result_list, WELL_BEFORE_THE_BLOCK_ENDS_MS)
      expect(result?.payload.text).toBe('RING')
      expect(result?.trace[0]?.agent_id).toBe(agent!.agentId)
    } finally {
      waiter.disconnect()
    }
  }, 60_000)
})

describe('the doorbell', () => {
  const { server, client } = useTestRedis()

  it('rings for each watched agent stream as soon as it gets an entry, consumes nothing, and closes promptly', async () => {
    const connection = new Redis(server.url)
    const doorbell = new Doorbell(connection, client, LONG_BLOCK_MS)
    const rings = { a: 0, b: 0 }
    try {
      doorbell.watch('a', () => (rings.a += 1))
      await waitFor('the doorbell blocked in its XREAD', async () => (await clientsBlockedIn(client, 'xread')) === 1)
      await client.xadd(agentStream('a'), '*', 'n', '1')
      await waitFor('a ring for a', () => rings.a === 1, WELL_BEFORE_THE_BLOCK_ENDS_MS)

      // Watching a second stream starts the blocked read over, so it covers b too.
      doorbell.watch('b', () => (rings.b += 1))
      await waitFor('the doorbell blocked again', async () => (await clientsBlockedIn(client, 'xread')) === 1)
      await client.xadd(agentStream('b'), '*', 'n', '1')
      await waitFor('a ring for b', () => rings.b === 1, WELL_BEFORE_THE_BLOCK_ENDS_MS)
      expect(rings.a).toBe(1)

      // XREAD without a group: the agent still finds its entries, and no group was made.
      expect(await client.xlen(agentStream('a'))).toBe(1)
      expect(await client.call('XINFO', ['GROUPS', agentStream('a')])).toEqual([])

      let closed = false
      void doorbell.close().then(() => (closed = true))
      await waitFor('the doorbell closed', () => closed, WELL_BEFORE_THE_BLOCK_ENDS_MS)
    } finally {
      void doorbell.close() // on a failed check too: its loop must end before the connection does
      connection.disconnect()
    }
  }, 60_000)
})
