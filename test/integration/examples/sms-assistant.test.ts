import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { awaitResult, sendEnvelope } from '../../../src/main/runtime'
import { useTestRedis } from '../../support/redis'
import { spawnWorker, type WorkerProcess } from '../runtime/worker-process'

/** Seed 001's planned pipeline, run by the worker users start, from the example's TypeScript module. */
describe('examples/sms-assistant run by `switchyard worker --agents examples/sms-assistant/agents.ts`', () => {
  const redis = useTestRedis()
  let worker: WorkerProcess
  let waiter: Redis

  beforeAll(async () => {
    worker = spawnWorker(['--agents', 'examples/sms-assistant/agents.ts'], { REDIS_URL: redis.server.url, STATS_DIR: `${redis.server.dataDir}/stats` })
    await worker.ready
    waiter = new Redis(redis.server.url)
  })
  afterAll(async () => {
    waiter?.disconnect()
    worker?.child.kill('SIGTERM')
    await worker?.exited
  })

  async function ask(query: unknown): Promise<NonNullable<Awaited<ReturnType<typeof awaitResult>>>> {
    const { envelope } = await sendEnvelope(redis.client, { kind: 'role', name: 'sms_manager' }, { payload: { user_query: query } })
    const result = await awaitResult(waiter, envelope.result_list, 30_000)
    if (!result) throw new Error(`no result for ${JSON.stringify(query)}: ${worker.output()}`)
    return result
  }

  it('serves all six roles', () => {
    for (const role of ['sms_manager', 'translate', 'clarify', 'search_docs', 'summarize', 'quality_control']) expect(worker.output()).toContain(role)
  })

  it('answers a Spanish question from the English docs through every role once', async () => {
    const result = await ask('¿Cómo configuro los ajustes de SMS?')
    expect(result.trace.map((hop) => hop.role)).toEqual(['sms_manager', 'translate', 'clarify', 'search_docs', 'summarize', 'quality_control'])
    expect(result.payload).toMatchObject({ stage: 'done', retry_count: 0, translation: { detected_language: 'es' }, quality: { passed: true } })
    expect(String(result.payload.answer)).toMatch(/configure SMS settings/)
  })

  it('sends a weak answer back to clarify once, and the retry passes', async () => {
    const result = await ask('How do I configure delivery reports for my xyzzy widget gizmo frobnicator?')
    const roles = result.trace.map((hop) => hop.role)
    expect(roles.filter((role) => role === 'clarify')).toHaveLength(2)
    expect(roles.filter((role) => role === 'quality_control')).toHaveLength(2)
    expect(result.payload).toMatchObject({ retry_count: 1, quality: { passed: true } })
    expect((result.payload.summary as { sources_used: string[] }).sources_used).toContain('docs/delivery-reports.md')
  })

  it('stops retrying after MAX_RETRIES and tells the user it found nothing', async () => {
    const result = await ask('banana weather tomorrow please')
    expect(result.payload).toMatchObject({ retry_count: 2, quality: { passed: false } })
    expect(String(result.payload.answer)).toContain('I could not find this in the docs.')
  })

  it('refuses a request without a question, with the error in the result', async () => {
    const result = await ask(42)
    expect(JSON.stringify(result.payload.errors)).toContain('payload.user_query must be a non-empty string')
  })
})
