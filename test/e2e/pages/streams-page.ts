import { expect, type Locator, type Page } from '@playwright/test'
import { ShellPage } from './shell-page'

/** The Streams view: stream list, entries table with live tail, entry detail. */
export class StreamsPage {
  readonly shell: ShellPage
  readonly view: Locator
  readonly tailState: Locator
  readonly entries: Locator
  readonly detail: Locator

  constructor(readonly page: Page) {
    this.shell = new ShellPage(page)
    this.view = page.locator('[data-view="streams"]')
    this.tailState = this.view.locator('[data-testid="tail-state"]')
    this.entries = this.view.locator('[data-testid="stream-entries"]')
    this.detail = this.view.locator('[data-testid="entry-detail"]')
  }

  async open(url: string): Promise<void> {
    await this.shell.open(url, 'streams')
    await expect(this.view).toBeVisible()
  }

  /** Picks a stream from the list and waits until its tail is live. */
  async choose(stream: string): Promise<void> {
    await this.view.getByRole('navigation', { name: 'Streams' }).getByRole('button', { name: new RegExp(`^${escape(stream)}\\s*\\d+$`) }).click()
    await expect(this.view.locator('[data-testid="current-stream"]')).toHaveText(stream)
    await expect(this.tailState).toHaveText('Live')
  }

  row(id: string): Locator {
    return this.entries.locator(`tr[data-entry-id="${id}"]`)
  }

  rowContaining(text: string): Locator {
    return this.entries.locator('tr[data-entry-id]', { hasText: text })
  }

  async scrollEntriesTo(top: number): Promise<void> {
    await this.entries.evaluate((el, y) => {
      el.scrollTop = y
      el.dispatchEvent(new Event('scroll'))
    }, top)
  }
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
