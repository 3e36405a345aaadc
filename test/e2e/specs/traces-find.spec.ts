import { TracesPage } from '../pages/traces-page'
import { expect, test } from '../support/fixtures'
import { sendRawToManager } from '../support/send-to-manager'

test('recent traces list the message with its outcome, searchable by id prefix; a deep link opens it', async ({ page, app, redis }) => {
  const messageId = await sendRawToManager(redis, 'findme', { payload: { text: 'find me', stage: 'start' } })
  expect(await redis.blpop(`result:${messageId}`, 20)).not.toBeNull()

  const traces = new TracesPage(page)
  await traces.open(app.url)
  const recent = traces.view.getByTestId('recent-traces')
  await recent.getByLabel('Search traces by id prefix or conversation').fill(messageId.slice(0, 14))
  const item = recent.locator(`[data-recent-trace="${messageId}"]`)
  await expect(item).toContainText('done')
  await item.click()
  await expect(traces.view.getByTestId('trace-message-id')).toHaveText(messageId)
  // By conversation prefix too.
  await recent.getByLabel('Search traces by id prefix or conversation').fill(`conv-${messageId}`)
  await expect(item).toBeVisible()

  // A pasted deep link, straight to the trace.
  await page.goto(`${app.url}#traces/${messageId}`)
  await expect(traces.view.getByTestId('trace-message-id')).toHaveText(messageId)
  // Hop 1 says what it changed (its stage among it); the budget has units.
  await expect(traces.hopDetail).toContainText('/payload/stage')
  await expect(traces.hopDetail).not.toContainText('No change')
  await expect(traces.hopDetail.getByLabel('Safety budget')).toContainText(/process count: \d+ of 50 hops/)
  await expect(traces.hopDetail.getByLabel('Safety budget')).toContainText(/processing time: [\d.]+ of 300 s/)
})

test('a bad import file gives a short error and leaves the view usable', async ({ page, app }) => {
  const traces = new TracesPage(page)
  await traces.open(app.url)
  await traces.view.getByLabel('Import trace file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') })
  await expect(page.getByTestId('toasts')).toContainText('"notes.json" is not a trace exported by Switchyard')
  await expect(page.getByTestId('toasts')).not.toContainText('invalid_type')
  await traces.view.getByLabel('Import trace file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{nope') })
  await expect(page.getByTestId('toasts')).toContainText('"broken.json" is not JSON')
  // Nothing sticks in the toolbar; the search still works.
  await expect(traces.view.locator('.op-toolbar [role="alert"]')).toHaveCount(0)
  await expect(traces.view.getByRole('button', { name: 'Find' })).toBeEnabled()
})

test('a hop replayed from the trace is marked as replayed', async ({ page, app, redis }) => {
  const messageId = await sendRawToManager(redis, 'replay', { payload: { text: 'again', stage: 'start' } })
  expect(await redis.blpop(`result:${messageId}`, 20)).not.toBeNull()
  const traces = new TracesPage(page)
  await page.goto(`${app.url}#traces/${messageId}`)
  await expect(traces.view.getByTestId('trace-message-id')).toHaveText(messageId)
  const total = Number((await traces.position.textContent())?.match(/of (\d+)/)?.[1])
  await traces.view.getByRole('button', { name: 'Replay from this hop…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Replay' }).click()
  await expect(page.getByTestId('toasts')).toContainText('Replayed to')
  expect(await redis.blpop(`result:${messageId}`, 20)).not.toBeNull()
  await page.reload()
  await expect(traces.position).not.toHaveText(`Hop 1 of ${total}`)
  await expect(traces.waterfall.locator('.replayed-mark').first()).toBeVisible()
})
