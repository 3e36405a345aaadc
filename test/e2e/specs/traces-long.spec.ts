import { randomUUID } from 'node:crypto'
import { journalIndexOfMessage } from '@shared/keys'
import { pageHealth } from '../pages/streams-page'
import { TracesPage, writeJournalHops } from '../pages/traces-page'
import { expect, test } from '../support/fixtures'

const HOPS = 1_000
/** A generous ceiling that only a real regression crosses (a busy machine must not fail it); the figure is printed. */
const LONG_TASK_LIMIT_MS = 1_000

test('a 1,000-hop trace stays responsive: virtualized hops, stepping without long tasks', async ({ page, app, redis }) => {
  const messageId = `long-${randomUUID()}`
  await writeJournalHops(redis, messageId, { count: HOPS })

  const traces = new TracesPage(page)
  await traces.open(app.url)
  await pageHealth.startLongTaskWatch(page)
  const searched = Date.now()
  await traces.findByMessageId(messageId)
  await expect(traces.position).toHaveText(`Hop 1 of ${HOPS}`)
  const shownAfterMs = Date.now() - searched
  // Only the visible hops are in the page.
  expect(await traces.waterfall.locator('[role="option"]').count()).toBeLessThan(100)

  await page.keyboard.press('End')
  await expect(traces.position).toHaveText(`Hop ${HOPS} of ${HOPS}`)
  await expect(traces.waterfall.locator(`[data-hop="${HOPS - 1}"]`)).toBeVisible()
  await expect(traces.hopDetail).toContainText(`step ${HOPS - 1}`)
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft')
  await expect(traces.position).toHaveText(`Hop ${HOPS - 20} of ${HOPS}`)
  await expect(traces.hopDetail).toContainText(`step ${HOPS - 21}`)

  const longest = await pageHealth.longestTaskMs(page)
  console.log(`1,000-hop trace: shown ${shownAfterMs} ms after Find; longest task ${longest.toFixed(0)} ms`)
  expect(longest).toBeLessThan(LONG_TASK_LIMIT_MS)
  await redis.del(journalIndexOfMessage(messageId))
})
