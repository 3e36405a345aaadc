import { randomUUID } from 'node:crypto'
import { StreamsPage } from '../pages/streams-page'
import { expect, test } from '../support/fixtures'

const helloEnvelope = (marker: string) =>
  JSON.stringify({
    conversation_id: `conv-${marker}`,
    message_id: `msg-${marker}`,
    target_role: 'manager',
    kind: 'task',
    payload: { text: marker, stage: 'start' },
    create_ts: Date.now() / 1000,
    update_ts: Date.now() / 1000,
  })

test('tailing stream:role:manager shows an entry added by someone else, decoded', async ({ page, app, redis }) => {
  const streams = new StreamsPage(page)
  await streams.open(app.url)
  await streams.choose('stream:role:manager')
  const marker = `tail-${randomUUID().slice(0, 8)}`
  const id = await redis.xadd('stream:role:manager', '*', 'envelope', helloEnvelope(marker))
  const row = streams.row(id ?? '')
  await expect(row).toContainText(marker)
  await expect(row).toContainText('manager')
  await row.click()
  await expect(streams.detail).toContainText(`"message_id": "msg-${marker}"`)
})

test('scrolling away pauses the tail; back at the top it resumes without a gap', async ({ page, app, redis }) => {
  const stream = `e2e:${randomUUID().slice(0, 8)}:tail`
  const pipeline = redis.pipeline()
  for (let i = 0; i < 300; i++) pipeline.xadd(stream, '*', 'n', String(i))
  await pipeline.exec()

  const streams = new StreamsPage(page)
  await streams.open(app.url)
  await streams.choose(stream)
  await expect(streams.rowContaining('n=299')).toBeVisible()

  await streams.scrollEntriesTo(2_000)
  await expect(streams.tailState).toHaveText('Paused (scrolled)')
  const whilePaused = await redis.xadd(stream, '*', 'n', 'added-while-paused')

  await streams.scrollEntriesTo(0)
  await expect(streams.tailState).toHaveText('Live')
  await expect(streams.row(whilePaused ?? '')).toHaveCount(1)
  const after = await redis.xadd(stream, '*', 'n', 'added-after-resume')
  await expect(streams.row(after ?? '')).toHaveCount(1)
  await redis.del(stream)
})

test('trimming asks first and keeps the newest N entries', async ({ page, app, redis }) => {
  const stream = `e2e:${randomUUID().slice(0, 8)}:trim`
  for (let i = 0; i < 10; i++) await redis.xadd(stream, '*', 'n', String(i))
  const streams = new StreamsPage(page)
  await streams.open(app.url)
  await streams.choose(stream)
  await streams.view.getByRole('button', { name: 'Trim…' }).click()
  const dialog = page.getByRole('dialog', { name: `Trim ${stream}` })
  await dialog.getByLabel('N', { exact: true }).fill('3')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  expect(await redis.xlen(stream)).toBe(10)

  await streams.view.getByRole('button', { name: 'Trim…' }).click()
  await dialog.getByLabel('N', { exact: true }).fill('3')
  await dialog.getByRole('button', { name: 'Trim' }).click()
  await expect(streams.entries.locator('tr[data-entry-id]')).toHaveCount(3)
  expect(await redis.xlen(stream)).toBe(3)
  await redis.del(stream)
})

test('jumping to an id shows the stream from there and pauses the tail until "Back to newest"', async ({ page, app, redis }) => {
  const stream = `e2e:${randomUUID().slice(0, 8)}:jump`
  const ids: string[] = []
  for (let i = 0; i < 400; i++) ids.push((await redis.xadd(stream, '*', 'n', String(i))) ?? '')
  const target = ids[100] ?? ''
  const streams = new StreamsPage(page)
  await streams.open(app.url)
  await streams.choose(stream)

  await streams.view.getByLabel('Jump to').fill(target)
  await streams.view.getByRole('button', { name: 'Go' }).click()
  await expect(streams.tailState).toHaveText('Paused (jumped)')
  await expect(streams.entries.locator('tr[data-entry-id]').first()).toHaveAttribute('data-entry-id', target)

  await streams.view.getByLabel('Jump to').fill('not an id')
  await streams.view.getByRole('button', { name: 'Go' }).click()
  await expect(streams.view.getByRole('alert')).toContainText('neither a stream id')

  const newest = await redis.xadd(stream, '*', 'n', 'newest')
  await streams.view.getByRole('button', { name: 'Back to newest' }).click()
  await expect(streams.tailState).toHaveText('Live')
  await expect(streams.entries.locator('tr[data-entry-id]').first()).toHaveAttribute('data-entry-id', newest ?? '')
  await redis.del(stream)
})

test('an entry whose envelope does not decode says why, and flat fields show as they are', async ({ page, app, redis }) => {
  const stream = `e2e:${randomUUID().slice(0, 8)}:mixed`
  const bad = await redis.xadd(stream, '*', 'envelope', '{"message_id": 42')
  const flat = await redis.xadd(stream, '*', 'doc_id', 'd-1', 'text', 'plain fields')
  const streams = new StreamsPage(page)
  await streams.open(app.url)
  await streams.choose(stream)
  await expect(streams.row(flat ?? '')).toContainText('doc_id=d-1 text=plain fields')
  await expect(streams.row(bad ?? '')).toContainText('invalid envelope')
  await streams.row(bad ?? '').click()
  await expect(streams.detail.getByRole('alert')).toContainText('Envelope did not decode')
  await redis.del(stream)
})
