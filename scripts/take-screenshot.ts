// Takes resources/screenshot.png for the README: the app on its own Redis with
// the demo pipeline running and a few requests through it.
// Run: npx tsx scripts/take-screenshot.ts [viewId]
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { startTestApp, REPO_ROOT } from '../test/e2e/support/app'

const viewId = process.argv[2] ?? ''
const app = await startTestApp()
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
})
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } })
  await page.goto(`${app.url}#inject`)
  await page.locator('#root[data-app-state="ready"]').waitFor()
  // Some traffic, so counts and rates are not all zero.
  for (let i = 0; i < 5; i++) {
    await page.locator('[data-view="inject"] button[type="submit"]').click()
    await page.locator('[data-testid="result-text"]').first().waitFor()
  }
  await page.goto(`${app.url}#${viewId}`)
  await page.locator('#root[data-app-state="ready"]').waitFor()
  await page.locator('[data-connection-state="connected"]').waitFor()
  await page.locator('[data-view]').first().waitFor()
  // Let the first topology pushes (<= 4/s) and the layout settle; this is a picture, not a test.
  await page.waitForTimeout(2500)
  const file = join(REPO_ROOT, 'resources', 'screenshot.png')
  await page.screenshot({ path: file })
  console.log(`wrote ${file}`)
} finally {
  await browser.close()
  await app.close()
}
