import { randomUUID } from 'node:crypto'
import { journalIndexOfMessage } from '@shared/keys'
import { TracesPage, writeJournalHops } from '../pages/traces-page'
import { expect, test } from '../support/fixtures'

test('a trace still in flight is watched: new hops appear and the view follows to the result', async ({ page, app, redis }) => {
  const messageId = `inflight-${randomUUID()}`
  await writeJournalHops(redis, messageId, { count: 2 })

  const traces = new TracesPage(page)
  await traces.open(app.url)
  await traces.findByMessageId(messageId)
  await expect(traces.position).toHaveText('Hop 1 of 2')
  await expect(traces.view).toContainText('in flight (watching)')
  await page.keyboard.press('End')
  await expect(traces.position).toHaveText('Hop 2 of 2')

  await writeJournalHops(redis, messageId, { from: 2, count: 1, destination: () => `result:${messageId}` })
  await expect(traces.position).toHaveText('Hop 3 of 3')
  await expect(traces.hopDetail).toContainText('step 2')
  await expect(traces.view).toContainText('complete')
  await redis.del(journalIndexOfMessage(messageId))
})
