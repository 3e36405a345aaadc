import { AgentsPage } from '../pages/agents-page'
import { ShellPage } from '../pages/shell-page'
import { expect, test } from '../support/fixtures'

test('a new user sees the app connected and the demo pipeline running', async ({ page, app }) => {
  const shell = new ShellPage(page)
  await shell.open(app.url)
  await shell.expectConnectionState('connected')

  const agents = new AgentsPage(page)
  await shell.goTo('agents')
  for (const role of ['manager', 'uppercase', 'reverse', 'stats']) await agents.expectRunning(role)
})

test('every view of the navigation opens', async ({ page, app }) => {
  const shell = new ShellPage(page)
  await shell.open(app.url)
  const ids = await page.locator('[data-nav]').evaluateAll((links) => links.map((l) => l.getAttribute('data-nav') ?? ''))
  expect(ids).toEqual(expect.arrayContaining(['agents', 'inject', 'connection']))
  for (const id of ids) await shell.goTo(id)
})
