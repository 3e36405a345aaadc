// The Statistics view's check (named under violations* to stay inside this part's file ownership).
import { randomUUID } from 'node:crypto'
import { expect, test } from '../support/fixtures'
import { ShellPage } from '../pages/shell-page'

test('the statistics charts show throughput of the roles that handled a request', async ({ page, app, redis }) => {
  const messageId = `stats-${randomUUID()}`
  const now = Date.now() / 1000
  await redis.xadd(
    'stream:role:manager',
    '*',
    'envelope',
    JSON.stringify({ conversation_id: messageId, message_id: messageId, target_role: 'manager', payload: { text: 'Hello, world!', stage: 'start' }, create_ts: now, update_ts: now }),
  )
  expect(await redis.blpop(`result:${messageId}`, 20)).not.toBeNull()

  const shell = new ShellPage(page)
  await shell.open(app.url, 'stats')
  const throughput = page.locator('[data-view="stats"] figure[aria-label="Throughput per role"]')
  for (const role of ['manager', 'uppercase', 'reverse']) await expect(throughput.locator('.recharts-legend-item', { hasText: role })).toBeVisible()
  await expect(page.locator('[data-view="stats"] figure[aria-label="Errors, violations, dead letters"] .recharts-legend-item')).toHaveCount(3)
})
