import { AgentsPage } from '../pages/agents-page'
import { expect, test } from '../support/fixtures'
import { startRemoteWorker } from '../support/remote-worker'
import { saveViewScreenshots } from '../support/view-screenshots'

test('scaling a role up and down from the Agents view changes the running instances', async ({ page, app }) => {
  const agents = new AgentsPage(page)
  await agents.open(app.url)
  await expect(agents.runningCount('uppercase')).toHaveText('1')
  await agents.scaleUp('uppercase')
  await expect(agents.runningCount('uppercase')).toHaveText('2')
  await expect(agents.agentRows('uppercase')).toHaveCount(2)
  await agents.view.getByRole('button', { name: 'scale uppercase down' }).click()
  await expect(agents.runningCount('uppercase')).toHaveText('1')
})

test("a remote worker's agent is paused and resumed from the Agents view, and answers", async ({ page, app }) => {
  const worker = startRemoteWorker(app.redisUrl, ['tone'])
  try {
    await worker.ready
    const agents = new AgentsPage(page)
    await agents.open(app.url)
    const remote = agents.agentRows('tone').and(page.locator(':not([data-local])'))
    await expect(remote.and(page.locator('[data-status="idle"]'))).toHaveCount(1)
    // Another process: its pid is shown beside the host name, and it is not "this app".
    await expect(remote).toContainText(`pid ${worker.child.pid}`)
    await expect(remote).not.toContainText('(this app)')

    await agents.view.getByRole('button', { name: 'pause tone', exact: true }).click()
    await expect(remote).toHaveAttribute('data-status', 'paused')
    await expect(agents.answers).toContainText('answered by')
    await expect(agents.answers).toContainText('(paused)')

    await agents.view.getByRole('button', { name: 'resume tone', exact: true }).click()
    await expect(remote).toHaveAttribute('data-status', 'idle')
    await expect(agents.answers).toContainText('(idle)')
    await saveViewScreenshots(page, 'agents')
  } finally {
    await worker.stop()
  }
})

test('stopping the last consumer of a group asks first, naming the group', async ({ page, app }) => {
  const agents = new AgentsPage(page)
  await agents.open(app.url)
  await agents.expectRunning('reverse')
  const row = agents.agentRows('reverse').and(page.locator('[data-local][data-status="idle"]'))
  await expect(row).toHaveCount(1)
  const agentId = await row.getAttribute('data-agent-id')
  await row.getByRole('button', { name: `stop ${agentId}` }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('Stop the last consumer of cg:role:reverse?')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(row).toHaveCount(1)

  await row.getByRole('button', { name: `stop ${agentId}` }).click()
  await dialog.getByRole('button', { name: 'Stop anyway' }).click()
  await expect(agents.view.locator(`tr[data-agent-id="${agentId}"]`)).toHaveAttribute('data-status', 'stopped')
  await expect(agents.runningCount('reverse')).toHaveText('0')
  // Put the demo back as it was for the other specs.
  await agents.view.getByRole('button', { name: 'start reverse here' }).click()
  await expect(agents.runningCount('reverse')).toHaveText('1')
})
