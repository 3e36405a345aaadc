import { PipelinePage } from '../pages/pipeline-page'
import { expect, test } from '../support/fixtures'

test('the pipeline graph shows the demo roles and their streams, and a stream opens in the Streams view', async ({ page, app, redis }) => {
  const pipeline = new PipelinePage(page)
  await pipeline.open(app.url)
  for (const role of ['manager', 'uppercase', 'reverse']) {
    await expect(pipeline.node('role', role)).toBeVisible()
    await expect(pipeline.node('stream', `stream:role:${role}`)).toBeVisible()
  }
  await pipeline.node('stream', 'stream:role:manager').click()
  await expect(page.locator('[data-view="streams"] [data-testid="current-stream"]')).toHaveText('stream:role:manager')
  // Opened from the graph, the stream is tailed live like any other.
  await expect(page.locator('[data-view="streams"] [data-testid="tail-state"]')).toHaveText('Live')
  const now = Date.now() / 1000
  const envelope = { conversation_id: 'graph-test', message_id: `graph-${now}`, target_role: 'manager', payload: { text: 'from the graph', stage: 'start' }, create_ts: now, update_ts: now }
  const id = await redis.xadd('stream:role:manager', '*', 'envelope', JSON.stringify(envelope))
  await expect(page.locator(`[data-view="streams"] tr[data-entry-id="${id}"]`)).toContainText('from the graph')
})
