import { InjectPage } from '../pages/inject-page'
import { expect, test } from '../support/fixtures'

test('sending "Hello, world!" from the Inject view shows "!DLROW ,OLLEH"', async ({ page, app }) => {
  const inject = new InjectPage(page)
  await inject.open(app.url)
  await inject.compose({ target: 'manager', payload: { text: 'Hello, world!', stage: 'start' }, waitMs: 15_000 })
  await inject.send()
  await expect(inject.resultText()).toHaveText('!DLROW ,OLLEH')
  await expect(inject.view.locator('[data-testid="result-envelope"]')).toContainText('"stage": "reverse"')
})

test('a payload that is not JSON is refused before sending, next to the field', async ({ page, app }) => {
  const inject = new InjectPage(page)
  await inject.open(app.url)
  await inject.compose({ payload: '{ "text": ' })
  await inject.send()
  await expect(inject.fieldError('payload')).toContainText('payload is not JSON')
  await expect(inject.resultText()).toHaveCount(0)
})
