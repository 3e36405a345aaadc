import { describe, expect, it } from 'vitest'
import type { Redis } from 'ioredis'
import { envelopeSchema } from '../../../src/shared/envelope'
import { DOC_TASKS, roleStream } from '../../../src/shared/keys'
import { useHarness } from './harness'

const { h } = useHarness()

/** A stand-in agent in "another language": reads its role stream and answers on the result list, upper-cased. */
function echoAgent(client: Redis, role: string) {
  let running = true
  const loop = (async () => {
    let last = '0-0'
    while (running) {
      const reply = (await client.xread('BLOCK', 100, 'STREAMS', roleStream(role), last)) as Array<[string, Array<[string, string[]]>]> | null
      for (const [id, fields] of reply?.[0]?.[1] ?? []) {
        last = id
        const env = envelopeSchema.parse(JSON.parse(fields[1] ?? '{}'))
        const answer = { ...env, kind: 'result', payload: { ...env.payload, text: String(env.payload.text).toUpperCase() } }
        await client.lpush(env.result_list, JSON.stringify(answer))
      }
    }
  })()
  return async () => { running = false; await loop }
}

describe('injection', () => {
  it('offers the demo, seed 001 and document-review templates', async () => {
    const templates = await h.ok('inject.templates', {})
    expect(templates.map((t) => t.id)).toEqual(['demo-hello', 'seed-001-message-flow', 'doc-review-chunk'])
    expect(templates[0]?.envelope).toEqual({ target: { kind: 'role', name: 'manager' }, payload: { text: 'Hello, world!', stage: 'start' } })
    expect(templates[2]?.raw?.stream).toBe(DOC_TASKS)
    expect(Object.keys(templates[2]?.raw?.fields ?? {})).toEqual(['doc_id', 'chunk_id', 'text'])
  })

  it('sends N copies of a composed envelope to a role and returns each final envelope from its result list', async () => {
    const stop = echoAgent(h.client(), 'echo')
    try {
      const answer = await h.ok('inject.envelope', {
        target: { kind: 'role', name: 'echo' },
        envelope: { conversation_id: 'conv-inject', payload: { text: 'hello' } },
        copies: 3,
        waitMs: 5_000,
      })
      expect(new Set(answer.messageIds).size).toBe(3)
      expect(answer.streamIds).toHaveLength(3)
      expect(answer.results.map((r) => [r?.kind, r?.payload.text, r?.conversation_id])).toEqual(
        Array(3).fill(['result', 'HELLO', 'conv-inject']),
      )
      expect(answer.results.map((r) => r?.message_id)).toEqual(answer.messageIds)
    } finally {
      await stop()
    }
  })

  it('tells copies sharing one result list apart, and answers null for a result that never came', async () => {
    const stop = echoAgent(h.client(), 'shared')
    try {
      const answer = await h.ok('inject.envelope', {
        target: { kind: 'role', name: 'shared' },
        envelope: { payload: { text: 'x' }, result_list: 'answers:shared' },
        copies: 2,
        waitMs: 5_000,
      })
      expect(answer.results.map((r) => r?.message_id)).toEqual(answer.messageIds)
    } finally {
      await stop()
    }
    const silent = await h.ok('inject.envelope', { target: { kind: 'role', name: 'nobody' }, envelope: { payload: {} }, waitMs: 200 })
    expect(silent.results).toEqual([null])
  })

  it('returns at once without waiting, and records the injection in the audit stream', async () => {
    const answer = await h.ok('inject.envelope', { target: { kind: 'agent', name: 'a-9' }, envelope: { payload: { x: 1 } } })
    expect(answer.results).toEqual([null])
    expect(await h.redis.xlen('stream:agent:a-9')).toBe(1)
    const [audit] = await h.ok('audit.list', { count: 1 })
    expect(audit).toMatchObject({ action: 'inject.envelope', details: { target: { kind: 'agent', name: 'a-9' }, copies: 1 } })
  })
})
