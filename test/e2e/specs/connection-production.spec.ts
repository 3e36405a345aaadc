import { ConnectionPage } from '../pages/connection-page'
import { startTestApp, type TestApp } from '../support/app'
import { expect, test } from '../support/fixtures'

// Saves and opens connections: an app of its own, so the shared one stays as it is.
let own: TestApp
test.beforeAll(async () => {
  own = await startTestApp()
})
test.afterAll(async () => {
  await own?.close()
})

test("a saved production connection opens through the app's own dialog that names it (no window.prompt)", async ({ page }) => {
  let nativeDialogs = 0
  page.on('dialog', (d) => {
    nativeDialogs += 1
    void d.dismiss()
  })
  const connection = new ConnectionPage(page)
  await connection.open(own.url)
  // Arrange: save this Redis as a production connection, the way any client of the API may.
  const saved = await page.evaluate(`new Promise((resolve, reject) => {
    const token = new URLSearchParams(location.search).get('token')
    const ws = new WebSocket('ws://' + location.host + '/ws?token=' + encodeURIComponent(token))
    ws.onopen = () => ws.send(JSON.stringify({ type: 'call', id: 1, token, method: 'connection.connect',
      args: { url: ${JSON.stringify(own.redisUrl)}, name: 'prod-eu', save: true, production: true } }))
    ws.onmessage = (e) => { const f = JSON.parse(e.data); if (f.type === 'result') { ws.close(); resolve(f.result.ok) } }
    ws.onerror = () => reject(new Error('ws failed'))
  })`)
  expect(saved).toBe(true)
  await page.reload()
  const row = connection.view.getByTestId('saved-connections').locator('li', { hasText: 'prod-eu' })
  await expect(row).toContainText('production')
  await row.getByRole('button', { name: 'Connect' }).click()

  const dialog = page.getByRole('dialog', { name: 'Connect to production: prod-eu' })
  await expect(dialog).toBeVisible()
  const confirm = dialog.getByRole('button', { name: 'Connect' })
  await expect(confirm).toBeDisabled()
  await dialog.getByLabel('Connection name').fill('prod')
  await expect(dialog).toContainText('The name does not match "prod-eu".')
  await expect(confirm).toBeDisabled()
  await dialog.getByLabel('Connection name').fill('prod-eu')
  await confirm.click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('toasts')).toContainText('Connecting to prod-eu')
  await expect(page.locator('[data-connection-state]')).toHaveAttribute('data-connection-state', 'connected', { timeout: 30_000 })
  expect(nativeDialogs).toBe(0)
})
