import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Envelope } from '@shared/envelope'
import { VIOLATIONS_STREAM } from '@shared/keys'
import { violationFields } from '@shared/records'
import { AgentRuntime, awaitResult, BaseAgent, sendEnvelope } from '../../../src/main/runtime'
import { fieldsToRecord } from '../../../src/main/runtime/reader/stream-entry'
import { startTestRedis } from '../../support/redis'
import { letTimePass, waitFor } from '../../support/wait'

/** Two agents that send every envelope to each other, forever. */
class PingAgent extends BaseAgent {
  process(env: Envelope): Envelope {
    env.target_role = 'pong'
    return env
  }
}
class PongAgent extends BaseAgent {
  process(env: Envelope): Envelope {
    env.target_role = 'ping'
    return env
  }
}

const SLOW_WORK_SEC = 2
/** Takes its time: longer than the per-message timeout the test gives it. */
class SlowAgent extends BaseAgent {
  async process(env: Envelope): Promise<Envelope> {
    await letTimePass(SLOW_WORK_SEC * 1000) // the slow work itself
    return env
  }
}

describe('safety limits and statistics', () => {
  let server: Awaited<ReturnType<typeof startTestRedis>>
  let runtime: AgentRuntime
  let client: Redis
  let statsDir: string

  beforeAll(async () => {
    server = await startTestRedis()
    client = new Redis(server.url)
    statsDir = join(server.dataDir, 'stats')
    runtime = new AgentRuntime({
      redis: { url: server.url },
      statsDir,
      reportIntervalSec: 0.2,
      heartbeatIntervalSec: 0.2,
      safety: { maxProcessCount: 50 },
    })
    await runtime.start()
    await runtime.startRole('stats')
    await runtime.startAgent(new PingAgent())
    await runtime.startAgent(new PongAgent())
    await runtime.startAgent(new SlowAgent())
    for (const role of ['manager', 'uppercase', 'reverse']) await runtime.startRole(role)
  })

  afterAll(async () => {
    await runtime?.close()
    client?.disconnect()
    await server?.cleanup()
  })

  it('trips MAX_PROCESS_COUNT on two bouncing agents: the violation is on the result list and in the violations stream', async () => {
    const { envelope } = await sendEnvelope(client, { kind: 'role', name: 'ping' }, { conversation_id: 'bounce', payload: {} })
    const waiter = new Redis(server.url)
    const result = await awaitResult(waiter, envelope.result_list, 10_000)
    waiter.disconnect()
    expect(result).not.toBeNull()
    const last = result!.trace[result!.trace.length - 1]!
    expect(last.safety_violation).toBe(true)
    expect(last.error).toBe('Process count limit exceeded: 50 >= 50')
    expect(result!.process_count).toBe(50)
    expect(result!.trace).toHaveLength(51)
    expect(result!.payload.errors).toEqual([{ code: 'safety.process_count', message: 'Process count limit exceeded: 50 >= 50' }])

    const violations = (await client.xrange(VIOLATIONS_STREAM, '-', '+')).map(([, flat]) => fieldsToRecord(flat))
    const mine = violations.find((v) => v[violationFields.messageId] === envelope.message_id)
    expect(mine?.[violationFields.kind]).toBe('process_count')
    expect(mine?.[violationFields.message]).toBe('Process count limit exceeded: 50 >= 50')
    expect(['ping', 'pong']).toContain(mine?.[violationFields.role])
  })

  it('refuses a stale envelope (MAX_ENVELOPE_AGE) without processing it', async () => {
    const { envelope } = await sendEnvelope(client, { kind: 'role', name: 'manager' }, {
      conversation_id: 'stale',
      create_ts: Date.now() / 1000 - 700,
      payload: { text: 'old', stage: 'start' },
    })
    const waiter = new Redis(server.url)
    const result = await awaitResult(waiter, envelope.result_list, 5000)
    waiter.disconnect()
    expect(result?.trace).toHaveLength(1)
    expect(result?.trace[0]?.error).toMatch(/^Envelope age limit exceeded: 70\d\.\d\ds >= 600\.0s$/)
    expect(result?.payload.text).toBe('old')
  })

  it('stops waiting for process() after payload.__agent_timeout_sec and reports the timeout', async () => {
    const { envelope } = await sendEnvelope(client, { kind: 'role', name: 'slow' }, {
      conversation_id: 'slow', payload: { __agent_timeout_sec: 0.2 },
    })
    const waiter = new Redis(server.url)
    const result = await awaitResult(waiter, envelope.result_list, 10_000)
    waiter.disconnect()
    expect(result?.trace[0]?.error).toBe('process() timed out after 0.2s')
    // Cut at the timeout, not after the whole slow work.
    expect(result?.trace[0]?.duration).toBeLessThan(SLOW_WORK_SEC)
    expect(result?.payload.errors).toEqual([{ code: 'slow.error', message: 'process() timed out after 0.2s' }])
  })

  it('writes agent_statistics.txt with the seed sections while running', async () => {
    await runtime.request('stats_conv', 'count me', { timeoutMs: 5000 })
    const file = join(statsDir, 'agent_statistics.txt')
    const text = await waitFor('a report that counts the demo runs', () => {
      if (!existsSync(file)) return null
      const content = readFileSync(file, 'utf8')
      return /manager: [1-9]/.test(content) ? content : null
    })
    for (const section of ['COMPREHENSIVE AGENT PERFORMANCE STATISTICS', 'System Uptime:', 'RUN STATISTICS:', 'By Role (Total | Since Last):', 'ENVELOPE METRICS:', 'Total Envelopes:', 'AGENT REGISTRY:']) {
      expect(text).toContain(section)
    }
    expect(text).toMatch(/uppercase: \d+ \| \d+/)
    expect(text).toMatch(/Agent ID +Role +Status +Last Update +Runs +Avg Time/)
  })

  it('writes agent_final_statistics.txt at shutdown, with every agent stopped', async () => {
    await runtime.close()
    const text = readFileSync(join(statsDir, 'agent_final_statistics.txt'), 'utf8')
    expect(text).toContain('RUN STATISTICS:')
    expect(text).toContain('Active Agents: 0')
    expect(text).toMatch(/manager +stopped/)
  })
})
