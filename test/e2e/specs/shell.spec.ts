import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { ShellPage } from '../pages/shell-page'
import { StreamsPage } from '../pages/streams-page'
import { REPO_ROOT } from '../support/app'
import { sendRawToManager } from '../support/send-to-manager'
import { expect, test } from '../support/fixtures'

const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'screenshots')
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
]

test.describe('when the browser prefers dark', () => {
  test.use({ colorScheme: 'dark' })
  test('the dark theme is applied, and the toggle switches to light and back to the system', async ({ page, app }) => {
    const shell = new ShellPage(page)
    await shell.open(app.url, 'streams')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    const background = await page.evaluate('getComputedStyle(document.body.parentElement).getPropertyValue("--bg").trim()')
    expect(background).toBe('#0b1020')
    mkdirSync(SCREENSHOTS, { recursive: true })
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.screenshot({ path: join(SCREENSHOTS, 'streams-dark-1440x900.png') })
    await page.getByTestId('theme-toggle').click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
    await page.getByRole('button', { name: 'auto' }).click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  })
})

test('? opens the shortcut list, Esc closes it, digits open views, t toggles the theme', async ({ page, app }) => {
  const shell = new ShellPage(page)
  await shell.open(app.url, 'pipeline')
  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toContainText('filter the loaded entries by field value')
  await expect(help).toContainText('open Streams')
  await page.keyboard.press('Escape')
  await expect(help).toHaveCount(0)
  await page.keyboard.press('2')
  await expect(page.locator('[data-view="streams"]')).toBeVisible()
  const before = await page.locator('html').getAttribute('data-theme')
  await page.keyboard.press('t')
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', before ?? '')
})

test('at 1024×700 the navigation stays on one line; screenshots of every view at both sizes', async ({ page, app, redis }) => {
  test.setTimeout(120_000)
  mkdirSync(SCREENSHOTS, { recursive: true })
  // Something to show: a finished request, its stream open, its trace chosen.
  const messageId = await sendRawToManager(redis, 'shot', { payload: { text: 'Hello, world!', stage: 'start' } })
  expect(await redis.blpop(`result:${messageId}`, 20)).not.toBeNull()
  const shell = new ShellPage(page)
  const streams = new StreamsPage(page)
  await streams.open(app.url)
  await streams.choose('stream:role:manager')
  await page.evaluate(`window.location.hash = '#traces/${messageId}'`)
  await expect(page.locator('[data-testid="trace-message-id"]')).toHaveText(messageId)
  const ids = await page.locator('[data-nav]').evaluateAll((links) => links.map((l) => l.getAttribute('data-nav') ?? ''))
  for (const size of SIZES) {
    await page.setViewportSize(size)
    const tops = await page.locator('[data-nav]').evaluateAll((links) => links.map((l) => Math.round(l.getBoundingClientRect().top)))
    expect(new Set(tops).size).toBe(1)
    // Every link is in sight, none scrolled or cut off at the right.
    const navRight = await page.locator('.nav').evaluate((el) => Math.ceil(el.getBoundingClientRect().right))
    const lastRight = await page.locator('[data-nav]').last().evaluate((el) => Math.floor(el.getBoundingClientRect().right))
    expect(lastRight).toBeLessThanOrEqual(navRight)
    const bar = await page.locator('.topbar').boundingBox()
    expect(bar?.height ?? 999).toBeLessThan(50)
    for (const id of ids) {
      await shell.goTo(id)
      await page.screenshot({ path: join(SCREENSHOTS, `${id}-${size.width}x${size.height}.png`) })
    }
  }
})

test('no window.prompt, alert or confirm is ever called', async ({ page, app }) => {
  await page.addInitScript(`(() => {
    window.__nativeDialogs = 0
    for (const name of ['prompt', 'alert', 'confirm']) window[name] = () => { window.__nativeDialogs += 1; return null }
  })()`)
  page.on('dialog', (d) => void d.dismiss())
  const shell = new ShellPage(page)
  await shell.open(app.url)
  const ids = await page.locator('[data-nav]').evaluateAll((links) => links.map((l) => l.getAttribute('data-nav') ?? ''))
  for (const id of ids) await shell.goTo(id)
  expect(Number(await page.evaluate('window.__nativeDialogs'))).toBe(0)
})
