import { expect, type Locator, type Page } from '@playwright/test'

/** The app frame: readiness marker, connection badge, navigation. */
export class ShellPage {
  readonly root: Locator
  readonly badge: Locator

  constructor(readonly page: Page) {
    this.root = page.locator('#root')
    this.badge = page.locator('[data-connection-state]')
  }

  /** Opens the app (optionally on one view) and waits for data-app-state="ready". */
  async open(url: string, viewId?: string): Promise<void> {
    await this.page.goto(viewId ? `${url}#${viewId}` : url)
    await expect(this.root).toHaveAttribute('data-app-state', 'ready')
  }

  async goTo(viewId: string): Promise<Locator> {
    await this.page.locator(`[data-nav="${viewId}"]`).click()
    const view = this.page.locator(`[data-view="${viewId}"]`)
    await expect(view).toBeVisible()
    return view
  }

  async expectConnectionState(state: 'connected' | 'disconnected' | 'connecting', timeout?: number): Promise<void> {
    await expect(this.badge).toHaveAttribute('data-connection-state', state, timeout ? { timeout } : undefined)
    await expect(this.badge).toContainText(state)
  }
}
