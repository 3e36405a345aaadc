import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runHeadless } from '../../../src/main/host/headless'
import { ConnectionPage } from '../pages/connection-page'
import { RENDERER_DIR } from '../support/app'
import { expect, test } from '../support/fixtures'

// A machine without redis-server: an app of its own whose embedded Redis cannot start.
let host: Awaited<ReturnType<typeof runHeadless>>
let dataDir: string
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'switchyard-e2e-missing-'))
  host = await runHeadless({
    dataDir,
    handleSignals: false,
    print: false,
    env: { ...process.env, REDIS_URL: '', REDIS_SERVER_BIN: '/nonexistent/redis-server', SWITCHYARD_RENDERER_DIR: RENDERER_DIR },
  })
})
test.afterAll(async () => {
  await host?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

test('without redis-server the app says what to install and opens the Connection screen', async ({ page }) => {
  const connection = new ConnectionPage(page)
  await connection.shell.open(host.url)
  await expect(connection.view).toBeVisible()
  await expect(page.getByRole('alert').first()).toContainText('apt-get install -y redis-server')
  await connection.shell.expectConnectionState('disconnected')
})
