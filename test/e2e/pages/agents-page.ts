import { expect, type Locator, type Page } from '@playwright/test'
import { ShellPage } from './shell-page'

/** The Agents view: the table of agents and the role controls. */
export class AgentsPage {
  readonly shell: ShellPage
  readonly view: Locator
  /** The last broadcast command and the agents that answered it. */
  readonly answers: Locator

  constructor(readonly page: Page) {
    this.shell = new ShellPage(page)
    this.view = page.locator('[data-view="agents"]')
    this.answers = this.view.getByTestId('command-answers')
  }

  async open(url: string): Promise<void> {
    await this.shell.open(url, 'agents')
    await expect(this.view).toBeVisible()
  }

  agentRows(role: string): Locator {
    return this.view.locator(`[data-testid="agents-table"] tr[data-role="${role}"]`)
  }

  /** Waits until at least one agent of the role is running (idle or busy). */
  async expectRunning(role: string): Promise<void> {
    await expect(this.agentRows(role).and(this.page.locator('[data-status="idle"], [data-status="busy"]')).first()).toBeVisible()
  }

  runningCount(role: string): Locator {
    return this.view.locator(`[data-role-control="${role}"] [data-testid="running-count"]`)
  }

  async scaleUp(role: string): Promise<void> {
    await this.view.getByRole('button', { name: `scale ${role} up` }).click()
  }
}
