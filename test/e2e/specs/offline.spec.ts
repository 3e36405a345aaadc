import { InjectPage } from '../pages/inject-page'
import { ShellPage } from '../pages/shell-page'
import { StreamsPage } from '../pages/streams-page'
import { startTestApp, type TestApp } from '../support/app'
import { expect, test } from '../support/fixtures'

// Kills Redis: an app of its own.
let own: TestApp
test.beforeAll(async () => {
  own = await startTestApp()
})
test.afterAll(async () => {
  await own?.close()
})

test('with Redis down every view says so plainly: Streams is not "Live", Inject keeps the draft and says nothing was sent', async ({ page }) => {
  test.setTimeout(90_000)
  const streams = new StreamsPage(page)
  await streams.open(own.url)
  await streams.choose('stream:role:manager')
  own.redis.process.kill('SIGKILL')
  const shell = new ShellPage(page)
  await shell.expectConnectionState('disconnected')
  await expect(streams.view.getByTestId('offline-note')).toContainText('Redis is not connected.')
  await expect(streams.tailState).not.toHaveText('Live')
  await expect(streams.tailState).toHaveText('Disconnected (tail stopped)')

  for (const id of ['pipeline', 'pending', 'traces', 'violations', 'stats', 'agents']) {
    const view = await shell.goTo(id)
    // Every view is framed by ViewFrame: each says it plainly.
    await expect(view.getByTestId('offline-note')).toContainText('Redis is not connected.')
    if (id === 'agents') await expect(view).not.toContainText('No agents yet')
  }
  const inject = new InjectPage(page)
  await shell.goTo('inject')
  await expect(inject.view.getByTestId('offline-note')).toContainText('what you wrote is kept')
  await inject.compose({ target: 'manager', payload: { text: 'offline', stage: 'start' }, waitMs: 0 })
  await inject.send()
  await expect(inject.view.getByTestId('send-error')).toHaveText(/^Redis is not connected: nothing was sent/)
  await expect(inject.view.locator('textarea[name="payload"]')).toHaveValue(/offline/)
  await own.restartRedis()
  await shell.expectConnectionState('connected', 30_000)
  await expect(inject.view.getByTestId('offline-note')).toHaveCount(0)
})
