import { expect, type Locator, type Page } from '@playwright/test'
import { ShellPage } from './shell-page'

/** The Pipeline view: the live graph of roles and streams, its node panel and toolbar. */
export class PipelinePage {
  readonly shell: ShellPage
  readonly view: Locator
  readonly graph: Locator
  /** The side panel of the clicked node. */
  readonly panel: Locator
  /** One frame per pipeline. */
  readonly frames: Locator

  constructor(readonly page: Page) {
    this.shell = new ShellPage(page)
    this.view = page.locator('[data-view="pipeline"]')
    this.graph = this.view.getByTestId('pipeline-graph')
    this.panel = this.view.getByTestId('node-panel')
    this.frames = this.view.locator('[data-testid^="pipeline-frame-"]')
  }

  async open(url: string): Promise<void> {
    await this.shell.open(url, 'pipeline')
    await expect(this.view).toBeVisible()
    await expect(this.graph).toHaveAttribute('data-layout', 'ready')
  }

  /** A node by kind and label (e.g. role "manager", stream "stream:role:manager"). */
  node(kind: 'role' | 'stream' | 'agent' | 'list' | 'external', label: string): Locator {
    return this.view.locator(`[data-kind="${kind}"]`).filter({ has: this.page.locator('.op-node-label', { hasText: new RegExp(`^${escape(label)}$`) }) })
  }

  /** The figures drawn on an edge, by the model's edge id. */
  edgeLabel(edgeId: string): Locator {
    return this.view.locator(`[data-testid="edge-label-${edgeId}"]`)
  }
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
