import { readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { StreamsPage } from '../pages/streams-page'
import { expect, test } from '../support/fixtures'

const envelope = (marker: string, stage: string) =>
  JSON.stringify({ conversation_id: `conv-${marker}`, message_id: `msg-${marker}`, target_role: 'uppercase', payload: { text: marker, stage }, create_ts: Date.now() / 1000, update_ts: Date.now() / 1000 })

test('"N new" counts entries that arrive while the tail is paused, and resuming shows them', async ({ page, app, redis }) => {
  const stream = `e2e:${randomUUID().slice(0, 8)}:new`
  await redis.xadd(stream, '*', 'n', 'first')
  const streams = new StreamsPage(page)
  await streams.open(app.url)
  await streams.choose(stream)
  await streams.view.getByRole('button', { name: 'Pause' }).click()
  const counter = streams.view.getByTestId('new-count')
  await expect(counter).toHaveText('0 new')
  for (let i = 1; i <= 3; i++) await redis.xadd(stream, '*', 'n', `later-${i}`)
  await expect(counter).toHaveText('3 new')
  await redis.xadd(stream, '*', 'n', 'later-4')
  await expect(counter).toHaveText('4 new') // the count keeps moving while paused
  await expect(streams.rowContaining('later-1')).toHaveCount(0)
  await counter.click()
  await expect(streams.tailState).toHaveText('Live')
  for (let i = 1; i <= 4; i++) await expect(streams.rowContaining(`later-${i}`)).toBeVisible()
  await redis.del(stream)
})

test('a value filter finds the matching entry and says how many loaded entries match; CSV export neutralises formulas', async ({ page, app, redis }) => {
  const stream = `e2e:${randomUUID().slice(0, 8)}:filter`
  await redis.xadd(stream, '*', 'envelope', envelope('a', 'start'))
  const upperId = await redis.xadd(stream, '*', 'envelope', envelope('b', 'upper'))
  await redis.xadd(stream, '*', 'envelope', envelope('c', 'reverse'))
  await redis.xadd(stream, '*', 'formula', '=HYPERLINK("http://evil")', 'plus', '+1', 'at', '@SUM(A1)', 'minus', '-2', 'plain', 'ok')
  const streams = new StreamsPage(page)
  await streams.open(app.url)
  await streams.choose(stream)

  // `/` focuses the filter.
  await streams.entries.click()
  await page.keyboard.press('/')
  await expect(streams.view.getByLabel('Filter loaded entries')).toBeFocused()
  await page.keyboard.type('payload.stage = upper')
  await expect(streams.view.getByTestId('filter-count')).toHaveText('1 of 4 loaded entries match')
  await expect(streams.entries.locator('tr[data-entry-id]')).toHaveCount(1)
  await expect(streams.row(upperId ?? '')).toBeVisible()

  await streams.view.getByLabel('Filter loaded entries').fill('formula ~ hyperlink')
  await expect(streams.view.getByTestId('filter-count')).toHaveText('1 of 4 loaded entries match')
  const downloading = page.waitForEvent('download')
  await streams.view.getByRole('button', { name: 'Export CSV' }).click()
  const download = await downloading
  const csv = readFileSync((await download.path()) ?? '', 'utf8')
  const [header, row] = csv.trim().split('\r\n')
  expect(header).toBe('id,time,formula,plus,at,minus,plain')
  expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`)
  expect(row).toContain(",'+1,'@SUM(A1),'-2,ok")
  expect(download.suggestedFilename()).toMatch(/\.csv$/)
  await redis.del(stream)
})

test('j / k move the selection, jump takes the Time column format and "5 minutes ago"', async ({ page, app, redis }) => {
  const stream = `e2e:${randomUUID().slice(0, 8)}:keys`
  const ids: string[] = []
  // A second apart, so each Time cell names one entry.
  const base = Date.now() - 10_000
  for (let i = 0; i < 3; i++) ids.push((await redis.xadd(stream, `${base + i * 1000}-0`, 'n', String(i))) ?? '')
  const streams = new StreamsPage(page)
  await streams.open(app.url)
  await streams.choose(stream)
  await streams.entries.click()
  await page.keyboard.press('j')
  await expect(streams.row(ids[2] ?? '')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('j')
  await expect(streams.row(ids[1] ?? '')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('k')
  await expect(streams.row(ids[2] ?? '')).toHaveAttribute('aria-selected', 'true')

  const jump = streams.view.getByPlaceholder('id, 14:05:09.120, 5 minutes ago')
  const timeText = (await streams.row(ids[1] ?? '').locator('td.op-col-time').textContent()) ?? ''
  await jump.fill(timeText)
  await streams.view.getByRole('button', { name: 'Go' }).click()
  await expect(streams.tailState).toHaveText('Paused (jumped)')
  await expect(streams.row(ids[1] ?? '')).toHaveAttribute('aria-selected', 'true')
  await jump.fill('5 minutes ago')
  await streams.view.getByRole('button', { name: 'Go' }).click()
  await expect(streams.view.getByRole('alert')).toHaveCount(0)
  await jump.fill('soon-ish')
  await streams.view.getByRole('button', { name: 'Go' }).click()
  await expect(streams.view.getByRole('alert')).toContainText('5 minutes ago')
  await redis.del(stream)
})
