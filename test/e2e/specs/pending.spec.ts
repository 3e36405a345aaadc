import { randomUUID } from 'node:crypto'
import { deadLetterStream } from '@shared/keys'
import { PendingPage } from '../pages/pending-page'
import { expect, test } from '../support/fixtures'
import { saveViewScreenshots } from '../support/view-screenshots'

test('entries of a dead consumer are claimed to a live one after the count is confirmed', async ({ page, app, redis }) => {
  const stream = `e2e:${randomUUID().slice(0, 8)}:work`
  await redis.xgroup('CREATE', stream, 'workers', '$', 'MKSTREAM')
  for (let i = 0; i < 5; i++) await redis.xadd(stream, '*', 'job', String(i))
  // dead-1 reads them and is never heard from again.
  await redis.xreadgroup('GROUP', 'workers', 'dead-1', 'COUNT', 10, 'STREAMS', stream, '>')

  const pending = new PendingPage(page)
  await pending.open(app.url)
  await pending.choose(stream, 'workers')
  await expect(pending.consumerRows('dead-1')).toHaveCount(5)

  await pending.view.getByRole('button', { name: 'Claim all idle…' }).click()
  await pending.dialog.getByLabel('Idle longer than (s)').fill('0')
  await pending.dialog.getByLabel('Consumer', { exact: true }).fill('live-1')
  await pending.dialog.getByRole('button', { name: 'Count idle entries' }).click()
  await expect(pending.dialog.getByTestId('claim-idle-preview')).toContainText('5 entries are idle')
  // Nothing moved before the operator confirms.
  expect(await redis.xpending(stream, 'workers')).toEqual([5, expect.any(String), expect.any(String), [['dead-1', '5']]])

  await pending.dialog.getByRole('button', { name: 'Claim 5 entries' }).click()
  await expect(pending.dialog).toHaveCount(0)
  await expect(pending.consumerRows('live-1')).toHaveCount(5)
  expect(await redis.xpending(stream, 'workers')).toEqual([5, expect.any(String), expect.any(String), [['live-1', '5']]])
  await redis.del(stream)
})

test('acknowledging asks first; cancel leaves the entry pending', async ({ page, app, redis }) => {
  const stream = `e2e:${randomUUID().slice(0, 8)}:ack`
  await redis.xgroup('CREATE', stream, 'workers', '$', 'MKSTREAM')
  const id = await redis.xadd(stream, '*', 'job', 'one')
  await redis.xreadgroup('GROUP', 'workers', 'w-1', 'COUNT', 10, 'STREAMS', stream, '>')

  const pending = new PendingPage(page)
  await pending.open(app.url)
  await pending.choose(stream, 'workers')
  await pending.table.getByLabel(`Select ${id}`).check()
  await pending.view.getByRole('button', { name: 'Ack…' }).click()
  await pending.dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(pending.rows()).toHaveCount(1)

  await pending.view.getByRole('button', { name: 'Ack…' }).click()
  await pending.dialog.getByRole('button', { name: 'Acknowledge' }).click()
  await expect(pending.rows()).toHaveCount(0)
  expect((await redis.xpending(stream, 'workers'))[0]).toBe(0)
  await redis.del(stream)
})

test('a dead-lettered entry keeps its reason and replays to its source stream', async ({ page, app, redis }) => {
  const stream = `e2e:${randomUUID().slice(0, 8)}:dlq`
  await redis.xgroup('CREATE', stream, 'workers', '$', 'MKSTREAM')
  const id = await redis.xadd(stream, '*', 'job', 'poison')
  await redis.xreadgroup('GROUP', 'workers', 'w-1', 'COUNT', 10, 'STREAMS', stream, '>')

  const pending = new PendingPage(page)
  await pending.open(app.url)
  await pending.choose(stream, 'workers')
  await pending.table.getByLabel(`Select ${id}`).check()
  await pending.view.getByRole('button', { name: 'Dead-letter…' }).click()
  await pending.dialog.getByLabel('Reason').fill('poison message')
  await pending.dialog.getByRole('button', { name: 'Move to dead letters' }).click()
  await expect(pending.rows()).toHaveCount(0)

  const letters = pending.view.getByRole('region', { name: 'Dead letters' })
  await letters.getByRole('button', { name: 'Reload' }).click()
  const letter = letters.locator('li', { hasText: id ?? '' })
  await expect(letter).toContainText('poison message')
  await letter.getByRole('button', { name: 'Replay' }).click()
  await pending.dialog.getByRole('button', { name: 'Replay' }).click()
  await expect.poll(() => redis.xlen(stream)).toBe(2)
  const [, fields] = (await redis.xrevrange(stream, '+', '-', 'COUNT', 1))[0] ?? []
  expect(fields).toEqual(['job', 'poison'])
  await redis.del(stream, deadLetterStream(stream))
})

test('chosen entries are claimed to a new consumer typed in the claim dialog', async ({ page, app, redis }) => {
  const stream = `e2e:${randomUUID().slice(0, 8)}:pick`
  await redis.xgroup('CREATE', stream, 'workers', '$', 'MKSTREAM')
  const ids = [await redis.xadd(stream, '*', 'job', 'a'), await redis.xadd(stream, '*', 'job', 'b'), await redis.xadd(stream, '*', 'job', 'c')]
  await redis.xreadgroup('GROUP', 'workers', 'dead-2', 'COUNT', 10, 'STREAMS', stream, '>')

  const pending = new PendingPage(page)
  await pending.open(app.url)
  await pending.choose(stream, 'workers')
  await expect(pending.table.locator('tr[data-stuck]')).toHaveCount(0)
  await pending.view.getByLabel('Stuck after (s)').fill('0')
  await expect(pending.table.locator('tr[data-stuck]')).toHaveCount(3)
  await pending.table.getByLabel(`Select ${ids[0]}`).check()
  await pending.table.getByLabel(`Select ${ids[2]}`).check()
  await pending.view.getByRole('button', { name: 'Claim…' }).click()
  await expect(pending.dialog.getByRole('button', { name: 'dead-2 · 3 pending' })).toBeVisible()
  await pending.dialog.getByLabel('Consumer', { exact: true }).fill('rescuer')
  await pending.dialog.getByLabel('Min idle (s)').fill('0')
  await pending.dialog.getByRole('button', { name: 'Claim', exact: true }).click()
  await expect(pending.consumerRows('rescuer')).toHaveCount(2)
  await expect(pending.consumerRows('dead-2')).toHaveCount(1)
  // One consumer's share of the list.
  await pending.view.getByLabel('Held by').selectOption('rescuer')
  await expect(pending.rows()).toHaveCount(2)
  await redis.del(stream)
})

test('the list is live: idle times tick, loaded pages survive refreshes, topology changes reload it, stuck rows are bulk-selected', async ({ page, app, redis }) => {
  const stream = `e2e:${randomUUID().slice(0, 8)}:live`
  await redis.xgroup('CREATE', stream, 'workers', '$', 'MKSTREAM')
  const batch = redis.pipeline()
  for (let i = 0; i < 250; i++) batch.xadd(stream, '*', 'job', String(i))
  await batch.exec()
  await redis.xreadgroup('GROUP', 'workers', 'slow-1', 'COUNT', 250, 'STREAMS', stream, '>')

  const pending = new PendingPage(page)
  await pending.open(app.url)
  await pending.choose(stream, 'workers')
  await expect(pending.table).toHaveAttribute('data-loaded', '200')
  const firstIdle = pending.rows().first().getByTestId('pending-idle')
  const before = await firstIdle.textContent()
  await expect(firstIdle).not.toHaveText(before ?? '')

  // Scrolling in the next page, then a write from outside: the reload keeps all 250 and adds the new one.
  await pending.table.evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await expect(pending.table).toHaveAttribute('data-loaded', '250')
  await redis.xadd(stream, '*', 'job', 'late')
  await redis.xreadgroup('GROUP', 'workers', 'slow-2', 'COUNT', 1, 'STREAMS', stream, '>')
  await expect(pending.table).toHaveAttribute('data-loaded', '251')
  await expect(pending.total).toContainText('251 pending')

  await pending.view.getByLabel('Stuck after (s)').fill('0')
  await pending.view.getByRole('button', { name: 'Select stuck' }).click()
  await expect(pending.total).toContainText('251 selected')
  await pending.view.getByRole('button', { name: 'Ack…' }).click()
  await pending.dialog.getByRole('button', { name: 'Acknowledge' }).click()
  await expect(pending.total).toContainText('0 pending')
  await redis.del(stream)
})

test('every consumer is listed, and one with nothing pending can be deleted', async ({ page, app, redis }) => {
  const stream = `e2e:${randomUUID().slice(0, 8)}:consumers`
  await redis.xgroup('CREATE', stream, 'workers', '$', 'MKSTREAM')
  await redis.xadd(stream, '*', 'job', 'one')
  await redis.xreadgroup('GROUP', 'workers', 'busy-1', 'COUNT', 10, 'STREAMS', stream, '>')
  await redis.call('XGROUP', 'CREATECONSUMER', stream, 'workers', 'empty-1')

  const pending = new PendingPage(page)
  await pending.open(app.url)
  await pending.choose(stream, 'workers')
  const consumers = pending.view.getByRole('region', { name: 'Consumers' })
  await expect(consumers.locator('li[data-consumer="empty-1"]')).toContainText('0 pending')
  await expect(consumers.getByRole('button', { name: 'Delete consumer busy-1' })).toBeDisabled()
  await consumers.getByRole('button', { name: 'Delete consumer empty-1' }).click()
  await pending.dialog.getByRole('button', { name: 'Delete consumer' }).click()
  await expect(consumers.locator('li[data-consumer="empty-1"]')).toHaveCount(0)
  await expect(consumers.locator('li[data-consumer="busy-1"]')).toHaveCount(1)
  const names = ((await redis.xinfo('CONSUMERS', stream, 'workers')) as unknown[][]).map((c) => c[1])
  expect(names).toEqual(['busy-1'])
  await redis.del(stream)
})

test('a row shows its body and opens the entry and its trace', async ({ page, app, redis }) => {
  const stream = `e2e:${randomUUID().slice(0, 8)}:body`
  const messageId = `pending-body-${randomUUID().slice(0, 8)}`
  const now = Date.now() / 1000
  const envelope = {
    conversation_id: 'pending-body',
    message_id: messageId,
    target_role: 'uppercase',
    payload: { text: 'stuck in the middle', stage: 'upper' },
    trace: [{ role: 'manager', agent_id: 'manager-x', start_ts: now, end_ts: now, duration: 0, error: null }],
    create_ts: now,
    update_ts: now,
  }
  await redis.xgroup('CREATE', stream, 'workers', '$', 'MKSTREAM')
  const id = await redis.xadd(stream, '*', 'envelope', JSON.stringify(envelope))
  await redis.xreadgroup('GROUP', 'workers', 'w-1', 'COUNT', 10, 'STREAMS', stream, '>')

  const pending = new PendingPage(page)
  await pending.open(app.url)
  await pending.choose(stream, 'workers')
  const row = pending.table.locator(`tr[data-entry-id="${id}"]`)
  await expect(row).toContainText('uppercase')
  await expect(row).toContainText('upper')
  await expect(row).toContainText('manager/manager-x')
  await expect(row.getByTestId('pending-preview')).toContainText('stuck in the middle')
  await saveViewScreenshots(page, 'pending')

  await row.locator('td').nth(1).click()
  const panel = pending.view.getByTestId('pending-entry')
  await expect(panel).toContainText('stuck in the middle')
  await panel.getByTestId('open-trace').click()
  await expect(page).toHaveURL(new RegExp(`#traces/${messageId}$`))
  await redis.del(stream)
})
