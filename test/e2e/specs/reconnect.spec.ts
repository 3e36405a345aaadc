import { InjectPage } from '../pages/inject-page'
import { ShellPage } from '../pages/shell-page'
import { startTestApp, type TestApp } from '../support/app'
import { expect, test } from '../support/fixtures'

// This spec kills Redis, so it runs on an app of its own, not the shared one.
let own: TestApp
test.beforeAll(async () => {
  own = await startTestApp()
})
test.afterAll(async () => {
  await own?.close()
})

test('killing redis-server shows "disconnected"; restarting it brings "connected" back without a reload', async ({ page }) => {
  test.setTimeout(90_000)
  const shell = new ShellPage(page)
  await shell.open(own.url, 'inject')
  await shell.expectConnectionState('connected')

  own.redis.process.kill('SIGKILL')
  await shell.expectConnectionState('disconnected')

  await own.restartRedis()
  await shell.expectConnectionState('connected', 20_000)

  // The runtime's loops survived: the demo pipeline answers again, same page.
  const inject = new InjectPage(page)
  await inject.compose({ target: 'manager', payload: { text: 'Hello, world!', stage: 'start' }, waitMs: 20_000 })
  await inject.send()
  await expect(inject.resultText()).toHaveText('!DLROW ,OLLEH', { timeout: 30_000 })
})
