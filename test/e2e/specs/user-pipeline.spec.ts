import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { Redis } from 'ioredis'
import { sendEnvelope } from '../../../src/main/runtime'
import { AgentsPage } from '../pages/agents-page'
import { InjectPage } from '../pages/inject-page'
import { PipelinePage } from '../pages/pipeline-page'
import { REPO_ROOT, startTestApp, type TestApp } from '../support/app'

/**
 * Issue 8's check: the app started with SWITCHYARD_AGENTS_MODULE on the SMS
 * assistant example shows its six roles and the retry loop, runs a message to
 * its result, and Reload picks up an edited agent without losing an entry.
 * The example is copied inside the checkout (so `import 'switchyard'` resolves
 * to this package) and the copy is the one edited.
 */
const ROLES = ['sms_manager', 'translate', 'clarify', 'search_docs', 'summarize', 'quality_control']
const RETRY_QUESTION = 'How do I configure delivery reports for my xyzzy widget gizmo frobnicator?'
const IN_FLIGHT = 40
const AFTER_RELOAD = 10

let app: TestApp
let redis: Redis
let copy: string

test.beforeAll(async () => {
  copy = join(REPO_ROOT, 'test-results', `e2e-sms-${process.pid}`)
  mkdirSync(copy, { recursive: true })
  cpSync(join(REPO_ROOT, 'examples', 'sms-assistant'), copy, { recursive: true })
  app = await startTestApp({ env: { SWITCHYARD_AGENTS: 'none', SWITCHYARD_AGENTS_MODULE: join(copy, 'agents.ts') } })
  redis = new Redis(app.redisUrl)
})

test.afterAll(async () => {
  redis?.disconnect()
  await app?.close()
  rmSync(copy, { recursive: true, force: true })
})

test('the six roles run, a weak answer loops back to clarify, and the graph draws the loop', async ({ page }) => {
  const agents = new AgentsPage(page)
  await agents.open(app.url)
  for (const role of ROLES) await agents.expectRunning(role)

  const inject = new InjectPage(page)
  await inject.open(app.url)
  await inject.compose({ target: 'sms_manager', payload: { user_query: RETRY_QUESTION }, waitMs: 30_000 })
  await inject.send()
  await expect(inject.resultText()).toContainText('"retry_count":1', { timeout: 30_000 })
  await expect(inject.resultText()).toContainText('docs/delivery-reports.md')

  const graph = new PipelinePage(page)
  await graph.open(app.url)
  for (const role of ROLES) await expect(graph.node('role', role)).toBeVisible()
  // quality_control → clarify: the retry loop, learned from the journal's hops.
  await expect(graph.edgeLabel('writes:role:quality_control->stream:stream:role:clarify')).toBeVisible({ timeout: 20_000 })
})

test('Reload re-imports an edited agent with a drain: every entry in flight gets exactly one result', async ({ page }) => {
  const agents = new AgentsPage(page)
  await agents.open(app.url)
  await expect(agents.view.getByTestId('agents-module-roles')).toContainText('sms_manager')

  const agentsFile = join(copy, 'agents.ts')
  const edited = readFileSync(agentsFile, 'utf8').replace(
    'env.payload.retry_count = 0\n',
    'env.payload.retry_count = 0\n    env.payload.pipeline_version = 2\n',
  )
  expect(edited).toContain('pipeline_version = 2')
  writeFileSync(agentsFile, edited)

  const ask = async (n: number) => (await sendEnvelope(redis, { kind: 'role', name: 'sms_manager' }, { payload: { user_query: `What does error code 3000${n % 8} mean? #${n}` } })).envelope.result_list
  const before = await Promise.all(Array.from({ length: IN_FLIGHT }, (_, n) => ask(n)))
  await agents.view.getByTestId('agents-module').getByRole('button', { name: 'Reload' }).click()
  await expect(agents.view.getByTestId('agents-module-notice')).toBeVisible({ timeout: 30_000 })
  const after = await Promise.all(Array.from({ length: AFTER_RELOAD }, (_, n) => ask(IN_FLIGHT + n)))

  const lists = [...before, ...after]
  await expect.poll(async () => (await Promise.all(lists.map((list) => redis.llen(list)))).filter((n) => n >= 1).length, { timeout: 60_000 }).toBe(lists.length)
  // Exactly once: no list holds a second result.
  expect((await Promise.all(lists.map((list) => redis.llen(list)))).every((n) => n === 1)).toBe(true)
  const versionOf = async (list: string) => (JSON.parse((await redis.lindex(list, 0)) ?? '{}') as { payload?: { pipeline_version?: number } }).payload?.pipeline_version
  for (const list of after) expect(await versionOf(list)).toBe(2)
})
