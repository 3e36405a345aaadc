import { expect, type Locator, type Page } from '@playwright/test'
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
}
