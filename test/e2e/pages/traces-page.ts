import { expect, type Locator, type Page } from '@playwright/test'
import type { Redis } from 'ioredis'
import { JOURNAL_STREAM, journalIndexOfMessage } from '@shared/keys'
import { journalFields } from '@shared/records'
import type { RedisClient } from '../../../src/main/redis/client-type'
import { sendRawToManager } from '../support/send-to-manager'
import { ShellPage } from './shell-page'

/** The Traces view: search, waterfall, step controls, hop detail. */
export class TracesPage {
  readonly shell: ShellPage
  readonly view: Locator
  readonly position: Locator
  readonly hopDetail: Locator
  readonly waterfall: Locator

  constructor(readonly page: Page) {
    this.shell = new ShellPage(page)
    this.view = page.locator('[data-view="traces"]')
    this.position = this.view.locator('[data-testid="hop-position"]')
    this.hopDetail = this.view.locator('[data-testid="hop-detail"]')
    this.waterfall = this.view.locator('[data-testid="waterfall"]')
  }

  async open(url: string): Promise<void> {
    await this.shell.open(url, 'traces')
    await expect(this.view).toBeVisible()
  }

  async findByMessageId(messageId: string): Promise<void> {
    await this.view.getByLabel('Find by').selectOption('message')
    await this.view.getByLabel('Trace id').fill(messageId)
    await this.view.getByRole('button', { name: 'Find' }).click()
  }

  /**
   * Sends "Hello, world!" to the manager, waits for its answer, opens its
   * trace and checks the first hop; answers how many hops the trace has.
   */
  async openHelloTrace(url: string, redis: RedisClient, conversation: string): Promise<number> {
    const messageId = await sendRawToManager(redis, conversation, { kind: 'task', payload: { text: 'Hello, world!', stage: 'start' } })
    // The pipeline is done when the final envelope reaches the caller's result list.
    const result = await redis.blpop(`result:${messageId}`, 30)
    expect(result?.[1]).toContain('!DLROW ,OLLEH')
    await this.open(url)
    await this.findByMessageId(messageId)
    await expect(this.position).toHaveText(/^Hop 1 of \d+$/)
    const total = Number((await this.position.textContent())?.match(/of (\d+)/)?.[1])
    expect(total).toBeGreaterThanOrEqual(5)
    await expect(this.hopDetail).toContainText('manager')
    return total
  }
}

const ROLES = ['manager', 'uppercase', 'manager', 'reverse']

/**
 * Writes hops `from`..`from+count-1` of one message to the journal the way the
 * runtime does (entry + per-message index), for traces no real pipeline makes
 * (1,000 hops) or hops timed by the test (a trace in flight).
 */
export async function writeJournalHops(
  redis: Redis,
  messageId: string,
  options: { from?: number; count: number; destination?: (index: number) => string },
): Promise<void> {
  const from = options.from ?? 0
  const start = 1_700_000_000
  const batch = redis.pipeline()
  for (let i = from; i < from + options.count; i++) {
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
      journalFields.destination, options.destination?.(i) ?? 'stream:role:manager',
      journalFields.envelope, JSON.stringify(envelope),
      journalFields.ts, String(envelope.update_ts),
    )
  }
  const ids = ((await batch.exec()) ?? []).map(([, id]) => String(id))
  await redis.rpush(journalIndexOfMessage(messageId), ...ids)
}
