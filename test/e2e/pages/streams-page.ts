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

/**
 * Main-thread health of the page, measured in the page with a PerformanceObserver.
 * Scripts are strings: the test side compiles without DOM types.
 */
export const pageHealth = {
  async startLongTaskWatch(page: Page): Promise<void> {
    await page.evaluate(`(() => {
      window.__longTasks = []
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration) })
        .observe({ type: 'longtask' })
    })()`)
  },
  async resetLongTasks(page: Page): Promise<void> {
    await page.evaluate('window.__longTasks = []')
  },
  async longTaskCount(page: Page): Promise<number> {
    return Number(await page.evaluate('window.__longTasks.length'))
  },
  async longestTaskMs(page: Page): Promise<number> {
    return Number(await page.evaluate('Math.max(0, ...window.__longTasks)'))
  },
  /** Chromium's performance.memory; 0 where it does not exist. */
  async jsHeapBytes(page: Page): Promise<number> {
    return Number(await page.evaluate('performance.memory ? performance.memory.usedJSHeapSize : 0'))
  },
  /** Blocks the page's main thread, to prove the watch sees long tasks at all. */
  async blockMainThread(page: Page, ms: number): Promise<void> {
    await page.evaluate(`setTimeout(() => { const until = performance.now() + ${ms}; while (performance.now() < until) {} }, 0)`)
  },
}
