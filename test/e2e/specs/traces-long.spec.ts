import { randomUUID } from 'node:crypto'
import { JOURNAL_STREAM, journalIndexOfMessage } from '../../../src/shared/keys'
import { journalFields } from '../../../src/shared/records'
import { pageHealth } from '../pages/streams-page'
import { TracesPage } from '../pages/traces-page'
import { expect, test } from '../support/fixtures'

const HOPS = 1_000
const LONG_TASK_LIMIT_MS = 200
const ROLES = ['manager', 'uppercase', 'manager', 'reverse']

test('a 1,000-hop trace stays responsive: virtualized hops, stepping without long tasks', async ({ page, app, redis }) => {
  const messageId = `long-${randomUUID()}`
  const start = Date.now() / 1000
  // Journal entries written the way the runtime writes them (entry + per-message index).
  const batch = redis.pipeline()
  for (let i = 0; i < HOPS; i++) {
    const role = ROLES[i % ROLES.length] ?? 'manager'
    const envelope = {
      conversation_id: `conv-${messageId}`,
      message_id: messageId,
      target_role: ROLES[(i + 1) % ROLES.length],
      payload: { text: `step ${i}`, stage: 'loop' },
      trace: [{ start_ts: start + i * 0.01, role, agent_id: `${role}-1`, end_ts: start + i * 0.01 + 0.005, duration: 0.005 }],
      process_count: i + 1,
      create_ts: start,
      update_ts: start + i * 0.01 + 0.005,
    }
    batch.xadd(
      JOURNAL_STREAM, '*',
      journalFields.messageId, messageId,
      journalFields.conversationId, envelope.conversation_id,
      journalFields.role, role,
      journalFields.agentId, `${role}-1`,
      journalFields.destination, 'stream:role:manager',
      journalFields.envelope, JSON.stringify(envelope),
      journalFields.ts, String(envelope.update_ts),
    )
  }
  const ids = ((await batch.exec()) ?? []).map(([, id]) => String(id))
  await redis.rpush(journalIndexOfMessage(messageId), ...ids)

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
