import { expect, type Locator, type Page } from '@playwright/test'
import { ShellPage } from './shell-page'

/** The Violations view: counts by kind and role, chart, table. */
export class ViolationsPage {
  readonly shell: ShellPage
  readonly view: Locator
  readonly table: Locator

  constructor(readonly page: Page) {
    this.shell = new ShellPage(page)
    this.view = page.locator('[data-view="violations"]')
    this.table = this.view.locator('[data-testid="violations-table"]')
  }

  async open(url: string): Promise<void> {
    await this.shell.open(url, 'violations')
    await expect(this.view).toBeVisible()
  }

  countOf(table: 'By kind' | 'By role', name: string): Locator {
    return this.view.getByRole('table', { name: table }).locator(`tr[data-count-of="${name}"] td`)
  }
}
