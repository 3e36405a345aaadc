import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import { ENVELOPE_FIELD } from '@shared/envelope'
import { AGENT_REGISTRY, JOURNAL_STREAM, roleStream } from '@shared/keys'
import {
  awaitResult,
  createRuntimeHandlers,
  readAgentRegistry,
  readConversationMessages,
  readJournal,
  sendEnvelope,
} from '../../../src/main/runtime'
import { useRuntime } from './runtime-fixture'
import { letTimePass, waitFor } from '../../support/wait'

describe('demo pipeline (seed 001)', () => {
  const { server, runtime, client } = useRuntime({ heartbeatIntervalSec: 0.5 })

  it('answers "Hello, world!" with "!DLROW ,OLLEH" and the trace hops in order', async () => {
    const result = await runtime.request('conv_hello', 'Hello, world!', { timeoutMs: 5000 })
    expect(result.payload.text).toBe('!DLROW ,OLLEH')
    expect(result.trace.map((hop) => hop.role)).toEqual(['manager', 'uppercase', 'manager', 'reverse', 'manager'])
    expect(result.process_count).toBe(5)
    expect(result.kind).toBe('result')
    for (let i = 1; i < result.trace.length; i++) {
      expect(result.trace[i]!.start_ts).toBeGreaterThanOrEqual(result.trace[i - 1]!.end_ts)
    }
    expect(result.total_processing_time).toBeGreaterThan(0)
  })

  it('serves the seed\'s "Message Flow Example" envelope XADDed raw by any client', async () => {
    const messageId = `conv_123:${Date.now() / 1000}`
    await client.xadd(roleStream('manager'), '*', ENVELOPE_FIELD, JSON.stringify({
      conversation_id: 'conv_123',
      message_id: messageId,
      target_role: 'manager',
      sender_role: 'external',
      kind: 'task',
      payload: { text: 'Hello, world!', stage: 'start' },
      result_list: `result:${messageId}`,
    }))
    const waiter = new Redis(server.url)
    const result = await awaitResult(waiter, `result:${messageId}`, 5000)
    waiter.disconnect()
    expect(result?.payload.text).toBe('!DLROW ,OLLEH')
  })

  it('journals every hop so one message can be stepped through, and indexes the conversation', async () => {
    const result = await runtime.request('conv_journal', 'abc', { timeoutMs: 5000 })
    const hops = await readJournal(client, result.message_id)
    expect(hops.map((h) => h.fields.role)).toEqual(['manager', 'uppercase', 'manager', 'reverse', 'manager'])
    expect(hops.map((h) => h.fields.destination)).toEqual([
      'stream:role:uppercase', 'stream:role:manager', 'stream:role:reverse', 'stream:role:manager', result.result_list,
    ])
    expect(JSON.parse(hops[4]!.fields.envelope!).payload.text).toBe('CBA')
    expect(await readConversationMessages(client, 'conv_journal')).toEqual([result.message_id])
    expect(await client.xlen(JOURNAL_STREAM)).toBeGreaterThanOrEqual(5)
  })

  it('reports an unknown stage as a manager.stage error on the result list', async () => {
    const { envelope } = await sendEnvelope(client, { kind: 'role', name: 'manager' }, {
      conversation_id: 'conv_bad_stage',
      payload: { text: 'x', stage: 'translate' },
    })
    const waiter = new Redis(server.url)
    const result = await awaitResult(waiter, envelope.result_list, 5000)
    waiter.disconnect()
    expect(result?.payload.errors).toEqual([{ code: 'manager.stage', message: "Unknown stage 'translate' for kind 'task'" }])
  })

  it('routes a worker failure back with the error in payload.errors and in the trace', async () => {
    const result = await runtime.request('conv_fail', 42 as unknown as string, { timeoutMs: 5000 })
    expect(result.trace[1]?.error).toContain('payload.text must be a string')
    expect(result.payload.errors).toEqual([{ code: 'uppercase.error', message: 'TypeError: payload.text must be a string' }])
  })

  it('lists its agents in the registry with heartbeats, and through the agents.* handlers', async () => {
    const registry = await readAgentRegistry(client)
    expect(registry.map((a) => a.role).sort()).toEqual(['manager', 'reverse', 'uppercase'])
    expect(registry.every((a) => a.status !== 'dead')).toBe(true)
    const handlers = createRuntimeHandlers(() => runtime)
    const listed = await handlers['agents.list']({})
    expect(listed.filter((a) => a.local)).toHaveLength(3)
    expect(await client.hlen(AGENT_REGISTRY)).toBe(3)
    await expect(createRuntimeHandlers(() => null)['agents.list']({})).rejects.toMatchObject({ code: 'not_connected' })
    expect(runtime.health().ok).toBe(true)
  })

  it('creates its group again when an operator deletes it, and keeps serving', async () => {
    await client.xgroup('DESTROY', roleStream('uppercase'), 'cg:role:uppercase')
    await runtime.broadcast('pause', 'uppercase') // ends the pending BLOCK now, so the loop meets NOGROUP at once
    await runtime.broadcast('resume', 'uppercase')
    await waitFor('the uppercase group created again', async () =>
      ((await client.call('XINFO', ['GROUPS', roleStream('uppercase')])) as unknown[]).length > 0,
    )
    const result = await runtime.request('conv_regroup', 'again', { timeoutMs: 5000 })
    expect(result.payload.text).toBe('NIAGA')
  })

  it('pauses and resumes a role by broadcast', async () => {
    expect(await runtime.broadcast('pause', 'uppercase')).toBe(1)
    await waitFor('uppercase paused', () => runtime.localAgents().some((a) => a.role === 'uppercase' && a.status === 'paused'))
    let answered = false
    const pending = runtime.request('conv_paused', 'later', { timeoutMs: 8000 })
    void pending.then(() => (answered = true))
    // A negative check needs a window: 300 ms is many times one hop here.
    await letTimePass(300)
    expect(answered).toBe(false)
    await runtime.broadcast('resume')
    expect((await pending).payload.text).toBe('RETAL')
  })

  it('writes the final statistics when it closes, even with no stats agent of its own', async () => {
    await runtime.close()
    const text = readFileSync(join(server.dataDir, 'stats', 'agent_final_statistics.txt'), 'utf8')
    expect(text).toContain('FINAL AGENT PERFORMANCE STATISTICS')
    expect(text).toMatch(/manager: \d+ \| \d+/)
    expect(text).toContain('Active Agents: 0')
  })
})
