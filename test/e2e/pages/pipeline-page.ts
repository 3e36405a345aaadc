import { expect, type Locator, type Page } from '@playwright/test'
import { ShellPage } from './shell-page'

/** The Pipeline view: the live graph of roles and streams. */
export class PipelinePage {
  readonly shell: ShellPage
  readonly view: Locator

  constructor(readonly page: Page) {
    this.shell = new ShellPage(page)
    this.view = page.locator('[data-view="pipeline"]')
  }

  async open(url: string): Promise<void> {
    await this.shell.open(url, 'pipeline')
    await expect(this.view).toBeVisible()
  }

  /** A node by kind and label (e.g. role "manager", stream "stream:role:manager"). */
  node(kind: 'role' | 'stream' | 'agent' | 'list' | 'external', label: string): Locator {
    return this.view.locator(`[data-kind="${kind}"]`).filter({ has: this.page.locator('.op-node-label', { hasText: new RegExp(`^${escape(label)}$`) }) })
  }
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
