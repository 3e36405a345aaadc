import { expect, type Locator, type Page } from '@playwright/test'
import { ShellPage } from './shell-page'

/** The Inject view: compose an envelope, send it, read the result. */
export class InjectPage {
  readonly shell: ShellPage
  readonly view: Locator

  constructor(readonly page: Page) {
    this.shell = new ShellPage(page)
    this.view = page.locator('[data-view="inject"]')
  }

  async open(url: string): Promise<void> {
    await this.shell.open(url, 'inject')
    await expect(this.view).toBeVisible()
  }

  async compose(options: { target?: string; payload: Record<string, unknown> | string; waitMs?: number }): Promise<void> {
    if (options.target) await this.view.locator('input[name="targetName"]').fill(options.target)
    const text = typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload)
    await this.view.locator('textarea[name="payload"]').fill(text)
    if (options.waitMs !== undefined) await this.view.locator('input[name="waitMs"]').fill(String(options.waitMs))
  }

  async send(): Promise<void> {
    await this.view.getByRole('button', { name: 'Send' }).click()
  }

  resultText(): Locator {
    return this.view.locator('[data-testid="result-text"]')
  }

  fieldError(field: string): Locator {
    return this.view.locator(`[data-field-error="${field}"]`)
  }
}

/** The raw-fields side of Inject: a stream and name/value rows. */
export async function composeRaw(view: Locator, stream: string, fields: Array<[string, string]>): Promise<void> {
  await view.getByLabel('Raw fields to a stream').check()
  await view.locator('input[name="rawStream"]').fill(stream)
  for (const [i, [name, value]] of fields.entries()) {
    if (i > 0) await view.getByRole('button', { name: '+ Field' }).click()
    await view.locator(`input[name="field-name-${i}"]`).fill(name)
    await view.locator(`input[name="field-value-${i}"]`).fill(value)
  }
}
