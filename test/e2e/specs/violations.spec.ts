import { ViolationsPage } from '../pages/violations-page'
import { expect, test } from '../support/fixtures'
import { sendRawToManager } from '../support/send-to-manager'

test('an envelope over the process-count limit shows up live in the violations table and counts', async ({ page, app, redis }) => {
  const violations = new ViolationsPage(page)
  await violations.open(app.url)
  await expect(violations.view.getByTestId('violations-total')).toHaveText(/^\d+ violations$/)
  const before = Number((await violations.view.getByTestId('violations-total').textContent())?.match(/^\d+/)?.[0])

  const messageId = await sendRawToManager(redis, 'over-limit', { payload: { text: 'loop', stage: 'start' }, process_count: 60 })
  const row = violations.table.locator('tr[data-violation-id]', { hasText: messageId })
  await expect(row).toContainText('process_count')
  await expect(row).toContainText('Process count limit exceeded')
  await expect(violations.view.getByTestId('violations-total')).toHaveText(`${before + 1} violations`)
  await expect(violations.countOf('By kind', 'process_count')).toHaveText(/^[1-9]\d*$/)
})

test('violations filter by kind and a row opens its trace', async ({ page, app, redis }) => {
  const violations = new ViolationsPage(page)
  await violations.open(app.url)
  const messageId = await sendRawToManager(redis, 'click-through', { payload: { text: 'loop', stage: 'start' }, process_count: 70 })
  const row = violations.table.locator('tr[data-violation-id]', { hasText: messageId })
  await expect(row).toBeVisible()
  await violations.view.getByLabel('Filter by kind').selectOption('age')
  await expect(row).toHaveCount(0)
  await violations.view.getByLabel('Filter by kind').selectOption('process_count')
  await violations.view.getByLabel('Filter by id or text').fill('click-through')
  await expect(violations.table.locator('tr[data-violation-id]')).toHaveCount(1)
  // Relative time, the absolute one on hover.
  await expect(row.locator('time')).toHaveText(/^(now|\d+ s ago)$/)
  await expect(row.locator('time')).toHaveAttribute('title', /\d{1,2}:\d{2}:\d{2}\.\d{3}/)
  await row.click()
  await expect(page.locator('[data-view="traces"] [data-testid="trace-message-id"]')).toHaveText(messageId)
})
