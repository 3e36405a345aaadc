import { randomUUID } from 'node:crypto'
import { PipelinePage } from '../pages/pipeline-page'
import { expect, test } from '../support/fixtures'
import { sendRawToManager } from '../support/send-to-manager'
import { saveViewScreenshots } from '../support/view-screenshots'

const BURST = 200

test('the graph shows the demo roles and streams, and a stream node opens its panel and the Streams view', async ({ page, app, redis }) => {
  const pipeline = new PipelinePage(page)
  await pipeline.open(app.url)
  for (const role of ['manager', 'uppercase', 'reverse']) {
    await expect(pipeline.node('role', role)).toBeVisible()
    await expect(pipeline.node('stream', `stream:role:${role}`)).toBeVisible()
  }
  await pipeline.node('stream', 'stream:role:manager').click()
  await expect(pipeline.panel).toContainText('cg:role:manager')
  await pipeline.panel.getByRole('button', { name: 'Open in Streams' }).click()
  await expect(page.locator('[data-view="streams"] [data-testid="current-stream"]')).toHaveText('stream:role:manager')
  await expect(page.locator('[data-view="streams"] [data-testid="tail-state"]')).toHaveText('Live')
  const id = await redis.xadd('stream:role:manager', '*', 'envelope', JSON.stringify({ conversation_id: 'graph-test', message_id: `graph-${randomUUID()}`, target_role: 'manager', payload: { text: 'from the graph', stage: 'start' } }))
  await expect(page.locator(`[data-view="streams"] tr[data-entry-id="${id}"]`)).toContainText('from the graph')
})

test('after a burst the idle pipeline shows 0/s on every edge within 5 s, and the result lists count', async ({ page, app, redis }) => {
  const pipeline = new PipelinePage(page)
  await pipeline.open(app.url)
  await expect(pipeline.edgeLabel('reads:stream:stream:role:manager->role:manager')).toBeVisible()
  const ids: string[] = []
  for (let i = 0; i < BURST; i++) ids.push(await sendRawToManager(redis, 'burst', { payload: { text: `burst ${i}`, stage: 'start', errors: [] } }))
  // Traffic shows while it flows…
  await expect(pipeline.edgeLabel('reads:stream:stream:role:manager->role:manager').getByTestId('edge-rate')).not.toHaveText('0/s')
  await expect.poll(async () => (await redis.exists(...ids.map((id) => `result:${id}`))), { timeout: 60_000 }).toBe(BURST)
  await saveGraphScreenshots(pipeline, 'pipeline-demo')
  // …and is gone once the last result is in.
  const rates = pipeline.view.getByTestId('edge-rate')
  await expect.poll(async () => (await rates.allTextContents()).filter((t) => t !== '0/s'), { timeout: 5_000 }).toEqual([])

  await pipeline.node('list', 'result lists').click()
  const counted = pipeline.panel.getByTestId('panel-results-count')
  await expect.poll(async () => Number((await counted.textContent())?.replace(/\D/g, '') || 0)).toBeGreaterThanOrEqual(BURST)
  await expect(pipeline.panel.locator('a[href^="#traces/burst-"]').first()).toBeVisible()
  await redis.del(...ids.map((id) => `result:${id}`))
})

test('a role whose agents are all stopped turns red, and green again when started', async ({ page, app }) => {
  const pipeline = new PipelinePage(page)
  await pipeline.open(app.url)
  const reverse = pipeline.node('role', 'reverse')
  await expect(reverse).toHaveAttribute('data-health', 'ok')
  await reverse.click()
  await pipeline.panel.getByRole('button', { name: 'Stop here' }).click()
  await expect(reverse).toHaveAttribute('data-health', 'down')
  await expect(reverse).toContainText('0 running')
  await pipeline.panel.getByRole('button', { name: 'Start' }).click()
  await expect(reverse).toHaveAttribute('data-health', 'ok')
  await expect(reverse).toContainText('1 running')
})

test('a group edge shows its lag and pending, coloured by the thresholds the operator sets (kept on reload)', async ({ page, app, redis }) => {
  const tag = randomUUID().slice(0, 6)
  const stream = `e2e:${tag}:lagged`
  const role = `lagrole${tag}`
  await redis.xgroup('CREATE', stream, `cg:role:${role}`, '0', 'MKSTREAM')
  for (let i = 0; i < 5; i++) await redis.xadd(stream, '*', 'job', String(i))
  await redis.xreadgroup('GROUP', `cg:role:${role}`, 'w-1', 'COUNT', 2, 'STREAMS', stream, '>')

  const pipeline = new PipelinePage(page)
  await pipeline.open(app.url)
  const label = pipeline.edgeLabel(`reads:stream:${stream}->role:${role}`)
  await expect(label.getByTestId('edge-group')).toHaveText('lag 3 · 2 pending')
  await expect(label).toHaveAttribute('data-level', 'ok')
  await pipeline.view.getByRole('button', { name: 'Thresholds…' }).click()
  await pipeline.view.getByLabel('Lag: amber from').fill('3')
  await expect(label).toHaveAttribute('data-level', 'warn')
  await pipeline.view.getByLabel('Pending: red from').fill('2')
  await expect(label).toHaveAttribute('data-level', 'bad')
  await page.reload()
  await expect(label).toHaveAttribute('data-level', 'bad')
  await pipeline.view.getByRole('button', { name: 'Thresholds…' }).click()
  await pipeline.view.getByLabel('Pending: red from').fill('100')
  await pipeline.view.getByLabel('Lag: amber from').fill('100')
  await redis.del(stream)
})

test('ten pipelines stay readable: frames per pipeline, a minimap, and zoom to one pipeline', async ({ page, app, redis }) => {
  const pipeline = new PipelinePage(page)
  await pipeline.open(app.url)
  await expect(pipeline.frames.filter({ hasText: 'demo' })).toHaveCount(1)
  const before = await pipeline.frames.count()
  const tag = randomUUID().slice(0, 6)
  // Eight more pipelines (at least ten in all, with demo and the stats agent's own).
  const streams = Array.from({ length: 8 }, (_, i) => `e2e:${tag}:p${i}:in`)
  for (const [i, stream] of streams.entries()) {
    await redis.xgroup('CREATE', stream, `cg:role:p${i}worker${tag}`, '$', 'MKSTREAM')
    await redis.xadd(stream, '*', 'job', 'x')
  }
  await expect(pipeline.frames).toHaveCount(before + 8)
  await expect(pipeline.view.getByLabel('Graph overview')).toBeVisible()
  // Fitted at load, text is never shrunk below ~7 px (zoom 0.55): a 200 px node is drawn at least 110 px wide.
  const manager = pipeline.node('role', 'manager')
  await expect.poll(async () => (await manager.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(109)
  const fitted = (await manager.boundingBox())?.width ?? 0
  await saveGraphScreenshots(pipeline, 'pipeline-ten')

  await pipeline.view.getByLabel('Zoom to pipeline').selectOption({ label: 'demo' })
  // The demo pipeline fills the frame: drawn larger than in the whole-graph fit, all of it in view.
  await expect.poll(async () => (await manager.boundingBox())?.width ?? 0).toBeGreaterThan(fitted * 1.1)
  await expect(manager).toBeInViewport()
  await expect(pipeline.node('stream', 'stream:role:manager')).toBeInViewport()
  await redis.del(...streams)
})

async function saveGraphScreenshots(pipeline: PipelinePage, name: string): Promise<void> {
  // The README's picture is made by scripts/take-screenshot.ts: a test never writes a tracked file.
  await saveViewScreenshots(pipeline.page, name, () => expect(pipeline.graph).toHaveAttribute('data-layout', 'ready'))
}
