import { expect, type Locator, type Page } from '@playwright/test'
import { ShellPage } from './shell-page'

/** The Pending view: pick stream and group, select entries, operator actions and their dialogs. */
export class PendingPage {
  readonly shell: ShellPage
  readonly view: Locator
  readonly table: Locator
  readonly dialog: Locator
  readonly total: Locator

  constructor(readonly page: Page) {
    this.shell = new ShellPage(page)
    this.view = page.locator('[data-view="pending"]')
    this.table = this.view.locator('[data-testid="pending-entries"]')
    this.dialog = page.getByRole('dialog')
    this.total = this.view.locator('[data-testid="pending-total"]')
  }

  async open(url: string): Promise<void> {
    await this.shell.open(url, 'pending')
    await expect(this.view).toBeVisible()
  }

  /** Chooses the stream (its first group is picked), then the group; waits for the topology to list them. */
  async choose(stream: string, group: string): Promise<void> {
    const streamSelect = this.view.getByLabel('Stream')
    await expect(streamSelect.locator(`option[value="${stream}"]`)).toHaveCount(1)
    await streamSelect.selectOption(stream)
    await this.view.getByLabel('Group').selectOption(group)
  }

  rows(): Locator {
    return this.table.locator('tr[data-entry-id]')
  }

  consumerRows(consumer: string): Locator {
    return this.table.locator('tr[data-entry-id]', { has: this.page.locator('td', { hasText: new RegExp(`^${consumer}$`) }) })
  }
}
