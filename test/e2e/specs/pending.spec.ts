import { randomUUID } from 'node:crypto'
import { deadLetterStream } from '../../../src/shared/keys'
import { PendingPage } from '../pages/pending-page'
import { expect, test } from '../support/fixtures'

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
