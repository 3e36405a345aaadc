import { AgentsPage } from '../pages/agents-page'
import { expect, test } from '../support/fixtures'

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
