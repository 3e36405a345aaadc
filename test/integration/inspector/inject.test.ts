import { describe, expect, it } from 'vitest'
import type { Redis } from 'ioredis'
import { envelopeSchema } from '@shared/envelope'
import { DOC_TASKS, roleStream } from '@shared/keys'
import { REDIS_DEFAULTS } from '../../../src/main/redis/connection-config'
import { letTimePass, waitFor } from '../../support/wait'
import { useHarness } from './harness'

const { h } = useHarness()
/** Every connection to the test Redis but the probe's own. */
const connections = async (probe: Redis) => String(await probe.client('LIST')).trim().split('\n').length - 1

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

  it('60 concurrent "inject and wait" calls share one waiting connection, within REDIS_MAX_CONNECTIONS', async () => {
    const probe = h.client()
    const stop = echoAgent(h.client(), 'many')
    try {
      const baseline = await connections(probe)
      let most = baseline
      let sampling = true
      const sampler = (async () => {
        while (sampling) {
          most = Math.max(most, await connections(probe))
          await letTimePass(20) // the sampler's pace
        }
      })()
      const calls = Array.from({ length: 60 }, (_, i) =>
        h.ok('inject.envelope', {
          // Half are answered; half wait for a role nobody serves, so all 60 wait together.
          target: { kind: 'role', name: i % 2 ? 'many' : 'nobody-serves-this' },
          envelope: { payload: { text: `n${i}` } },
          waitMs: 4_000,
        }),
      )
      await waitFor('all 60 waiting or answered', () => h.inspector.results.size >= 30)
      const answers = await Promise.all(calls)
      sampling = false
      await sampler
      expect(answers.filter((_, i) => i % 2).map((a) => a.results[0]?.payload.text)).toEqual(
        Array.from({ length: 30 }, (_, k) => `N${2 * k + 1}`),
      )
      expect(answers.filter((_, i) => i % 2 === 0).every((a) => a.results[0] === null)).toBe(true)
      expect(most - baseline, 'connections opened for the waits').toBeLessThanOrEqual(1)
      expect(most).toBeLessThanOrEqual(REDIS_DEFAULTS.maxConnections)
    } finally {
      await stop()
    }
  }, 60_000)
})
