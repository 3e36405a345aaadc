import { randomUUID } from 'node:crypto'
import { ViolationsPage } from '../pages/violations-page'
import { expect, test } from '../support/fixtures'

test('an envelope over the process-count limit shows up live in the violations table and counts', async ({ page, app, redis }) => {
  const violations = new ViolationsPage(page)
  await violations.open(app.url)
  await expect(violations.view.getByTestId('violations-total')).toHaveText(/^\d+ violations$/)
  const before = Number((await violations.view.getByTestId('violations-total').textContent())?.match(/^\d+/)?.[0])

  const messageId = `over-limit-${randomUUID()}`
  const now = Date.now() / 1000
  await redis.xadd(
    'stream:role:manager',
    '*',
    'envelope',
    JSON.stringify({
      conversation_id: `conv-${messageId}`,
      message_id: messageId,
      target_role: 'manager',
      payload: { text: 'loop', stage: 'start' },
      process_count: 60,
      create_ts: now,
      update_ts: now,
    }),
  )
  const row = violations.table.locator('tr[data-violation-id]', { hasText: messageId })
  await expect(row).toContainText('process_count')
  await expect(row).toContainText('Process count limit exceeded')
  await expect(violations.view.getByTestId('violations-total')).toHaveText(`${before + 1} violations`)
  await expect(violations.countOf('By kind', 'process_count')).toHaveText(/^[1-9]\d*$/)
})
