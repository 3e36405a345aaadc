import { expect, type Locator, type Page } from '@playwright/test'
import { ShellPage } from './shell-page'

/** The Connection view: the form, the saved list, the embedded switch. */
export class ConnectionPage {
  readonly shell: ShellPage
  readonly view: Locator

  constructor(readonly page: Page) {
    this.shell = new ShellPage(page)
    this.view = page.locator('[data-view="connection"]')
  }

  async open(url: string): Promise<void> {
    await this.shell.open(url, 'connection')
    await expect(this.view).toBeVisible()
  }

  async fill(options: { url: string; username?: string; password?: string }): Promise<void> {
    await this.view.locator('input[name="url"]').fill(options.url)
    if (options.username !== undefined) await this.view.locator('input[name="username"]').fill(options.username)
    if (options.password !== undefined) await this.view.locator('input[name="password"]').fill(options.password)
  }

  async test(): Promise<void> {
    await this.view.getByRole('button', { name: 'Test' }).click()
  }

  outcome(): Locator {
    return this.view.locator('[data-testid="connection-outcome"]')
  }

  fieldError(field: string): Locator {
    return this.view.locator(`[data-field-error="${field}"]`)
  }
}
