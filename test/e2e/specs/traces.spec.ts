import { TracesPage } from '../pages/traces-page'
import { expect, test } from '../support/fixtures'

test('the trace of a "Hello, world!" request steps through its hops with the arrow keys', async ({ page, app, redis }) => {
  const traces = new TracesPage(page)
  const total = await traces.openHelloTrace(app.url, redis, 'hello')

  await page.keyboard.press('ArrowRight')
  await expect(traces.position).toHaveText(`Hop 2 of ${total}`)
  await expect(traces.hopDetail).toContainText('HELLO, WORLD!')
  await page.keyboard.press('ArrowLeft')
  await expect(traces.position).toHaveText(`Hop 1 of ${total}`)
  await page.keyboard.press('End')
  await expect(traces.position).toHaveText(`Hop ${total} of ${total}`)
  await expect(traces.hopDetail).toContainText('!DLROW ,OLLEH')
  await expect(traces.waterfall.locator('[role="option"][aria-selected="true"]')).toHaveAttribute('data-hop', String(total - 1))

  // Play runs from the first hop to the last by itself, then stops.
  await traces.view.getByRole('button', { name: 'Play' }).click()
  await expect(traces.position).toHaveText(`Hop 1 of ${total}`)
  await expect(traces.position).toHaveText(`Hop ${total} of ${total}`)
  await expect(traces.view.getByRole('button', { name: 'Play' })).toBeVisible()
  // The slider moves to any hop.
  await traces.view.getByRole('slider', { name: 'Hop' }).fill('2')
  await expect(traces.position).toHaveText(`Hop 3 of ${total}`)
})
