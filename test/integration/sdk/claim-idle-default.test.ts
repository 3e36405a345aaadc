import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { AgentRuntime, BaseAgent, DEFAULT_TASK_TIMEOUT_SEC, RUNTIME_DEFAULTS, type Envelope } from '../../../src/main/runtime/sdk'
import { ENVELOPE_FIELD } from '@shared/envelope'
import { resultList, roleGroup, roleStream } from '@shared/keys'
import { useTestRedis } from '../../support/redis'
import { waitFor } from '../../support/wait'

class EchoAgent extends BaseAgent {
  process(env: Envelope): Envelope {
    env.payload.echoed = true
    return env
  }
}

/**
 * Point 8: an agent of another language shares the group and does not renew
 * its claims. Within the task timeout (60 s) its entry must stay its own;
 * only an entry idle past the default claim idle time goes to a live instance.
 */
describe('the default claim idle time against the default task timeout', () => {
  const { server, client } = useTestRedis()
  const statsDir = mkdtempSync(join(tmpdir(), 'switchyard-claim-idle-'))
  let runtime: AgentRuntime | null = null
  afterAll(async () => {
    await runtime?.close()
    rmSync(statsDir, { recursive: true, force: true })
  })

  it('leaves a foreign agent its entry at 59 s idle, and claims one idle past the default', async () => {
    expect(RUNTIME_DEFAULTS.claimIdleMs).toBeGreaterThan(DEFAULT_TASK_TIMEOUT_SEC * 1000)
    const stream = roleStream('echo')
    const group = roleGroup('echo')
    await client.xgroup('CREATE', stream, group, '0', 'MKSTREAM')
    const send = (id: string) =>
      client.xadd(stream, '*', ENVELOPE_FIELD, JSON.stringify({ conversation_id: 'c', message_id: id, sender_role: 'external', payload: {} }))
    const slowId = await send('still-working')
    const deadId = await send('owner-died')
    // The foreign agent (as a Python agent from the protocol would) takes both…
    await client.xreadgroup('GROUP', group, 'python-agent', 'COUNT', 2, 'STREAMS', stream, '>')
    // …one is 59 s into its work, within the 60 s task timeout; the other's owner went silent long ago.
    const justUnderTimeout = (DEFAULT_TASK_TIMEOUT_SEC - 1) * 1000
    await client.xclaim(stream, group, 'python-agent', 0, slowId!, 'IDLE', justUnderTimeout)
    await client.xclaim(stream, group, 'python-agent', 0, deadId!, 'IDLE', RUNTIME_DEFAULTS.claimIdleMs + 5_000)

    runtime = new AgentRuntime({ redis: { url: server.url }, statsDir })
    await runtime.startAgent(new EchoAgent())
    const claimed = await waitFor('the abandoned entry claimed and processed', () => client.lindex(resultList('owner-died'), 0), 30_000)
    expect((JSON.parse(claimed) as Envelope).payload.echoed).toBe(true)
    const pending = (await client.xpending(stream, group, '-', '+', 10)) as Array<[string, string, number, number]>
    expect(pending.map(([id, consumer]) => [id, consumer])).toEqual([[slowId, 'python-agent']])
    expect(await client.llen(resultList('still-working'))).toBe(0)
  })
})
