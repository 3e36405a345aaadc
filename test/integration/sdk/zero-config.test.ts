import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AgentRuntime, BaseAgent, request, type Envelope } from '../../../src/main/runtime/sdk'
import { useTestRedis } from '../../support/redis'
import { waitFor } from '../../support/wait'

/** Seed 001's example, word for word in TypeScript: only process(env). */
class TranslationAgent extends BaseAgent {
  process(env: Envelope): Envelope {
    env.payload.translated = `[fr] ${String(env.payload.text)}`
    return env
  }
}

/** Seed 001's zero-config path: a runtime running, `new TranslationAgent()`, "That's it!". */
describe('zero-config agents through the SDK', () => {
  const { server } = useTestRedis()
  let statsDir: string
  let runtime: AgentRuntime | null = null
  const saved = { REDIS_URL: process.env.REDIS_URL, STATS_DIR: process.env.STATS_DIR }

  beforeAll(() => {
    statsDir = mkdtempSync(join(tmpdir(), 'switchyard-zero-config-'))
    // The zero-config runtime reads where Redis is from the environment, as a user's script does.
    process.env.REDIS_URL = server.url
    process.env.STATS_DIR = statsDir
  })
  afterEach(async () => {
    await runtime?.close()
    runtime = null
  })
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    rmSync(statsDir, { recursive: true, force: true })
  })

  it('registers and starts an agent created while a runtime runs, with its role from the class name', async () => {
    runtime = new AgentRuntime()
    await runtime.start()
    new TranslationAgent()
    await waitFor('the translation agent running', () => runtime?.localAgents().some((a) => a.role === 'translation'))
    expect(runtime.localAgents().filter((a) => a.role === 'translation')).toHaveLength(1)
    const result = await request('translation', { payload: { text: 'hello' } }, { timeoutMs: 10_000 })
    expect(result.payload.translated).toBe('[fr] hello')
    expect(result.trace.map((hop) => hop.role)).toEqual(['translation'])
  })

  it('starts an agent handed to startAgent in the same tick once, not twice', async () => {
    runtime = new AgentRuntime()
    await runtime.start()
    const agent = new TranslationAgent()
    const first = await runtime.startAgent(agent)
    expect(await runtime.startAgent(agent)).toEqual(first)
    expect(runtime.localAgents().filter((a) => a.role === 'translation')).toHaveLength(1)
  })

  it('adopts nothing when no runtime runs', async () => {
    const agent = new TranslationAgent()
    await Promise.resolve()
    expect(agent.agentId).toBe('')
    expect(agent.status).toBe('stopped')
  })
})
