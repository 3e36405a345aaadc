import { PipelinePage } from '../pages/pipeline-page'
import { expect, test } from '../support/fixtures'

test('the pipeline graph shows the demo roles and their streams, and a stream opens in the Streams view', async ({ page, app }) => {
  const pipeline = new PipelinePage(page)
  await pipeline.open(app.url)
  for (const role of ['manager', 'uppercase', 'reverse']) {
    await expect(pipeline.node('role', role)).toBeVisible()
    await expect(pipeline.node('stream', `stream:role:${role}`)).toBeVisible()
  }
  await pipeline.node('stream', 'stream:role:manager').click()
  await expect(page.locator('[data-view="streams"] [data-testid="current-stream"]')).toHaveText('stream:role:manager')
})
