import { randomUUID } from 'node:crypto'
import { composeRaw, InjectPage } from '../pages/inject-page'
import { StreamsPage } from '../pages/streams-page'
import { expect, test } from '../support/fixtures'

test('a raw entry injected to a new stream warns that nobody reads it, then appears in its tail', async ({ page, app, redis }) => {
  const stream = `e2e:${randomUUID().slice(0, 8)}:raw`
  const inject = new InjectPage(page)
  await inject.open(app.url)
  await composeRaw(inject.view, stream, [
    ['doc_id', 'doc-7'],
    ['meta', '{"lang":"en","pages":3}'],
  ])
  await expect(inject.view.getByTestId('no-reader-warning')).toContainText('no consumer group reads it')
  await inject.view.getByRole('button', { name: 'Add entry' }).click()
  await expect(inject.view.getByTestId('raw-result')).toContainText(stream)
  await expect(page.getByTestId('toasts')).toContainText(`Added 1 entry to ${stream}`)
  expect(await redis.xlen(stream)).toBe(1)

  await inject.view.getByRole('button', { name: 'Open in Streams' }).click()
  const streams = new StreamsPage(page)
  await expect(streams.view.locator('[data-testid="current-stream"]')).toHaveText(stream)
  await expect(streams.rowContaining('doc_id=doc-7')).toBeVisible()
  await expect(streams.tailState).toHaveText('Live')
  // Nested JSON in a flat field shows as JSON, not as an escaped string.
  await streams.rowContaining('doc_id=doc-7').click()
  await expect(streams.detail).toContainText('"lang": "en"')
  // And the tail is live: a second entry arrives on its own.
  await redis.xadd(stream, '*', 'doc_id', 'doc-8')
  await expect(streams.rowContaining('doc_id=doc-8')).toBeVisible()
  await redis.del(stream)
})

test('the document-review template is offered and fills the raw form', async ({ page, app }) => {
  const inject = new InjectPage(page)
  await inject.open(app.url)
  await inject.view.locator('select[name="template"]').selectOption('doc-review-chunk')
  await expect(inject.view.locator('input[name="rawStream"]')).toHaveValue('doc.review.tasks')
  await expect(inject.view.locator('input[name="field-name-0"]')).toHaveValue('doc_id')
})

test('an unknown role, copies 0 and 2.5, and {"text":42} are refused at their fields before anything is sent', async ({ page, app, redis }) => {
  const role = `nobody${randomUUID().slice(0, 6)}`
  const inject = new InjectPage(page)
  await inject.open(app.url)
  await inject.view.locator('input[name="copies"]').fill('0')
  await inject.compose({ target: role, payload: { text: 'hi', stage: 'start' } })
  await inject.send()
  await expect(inject.fieldError('target')).toContainText(`no role "${role}" is known`)
  await expect(inject.fieldError('copies')).toContainText('copies must be a whole number from 1 to 10000')
  expect(await redis.exists(`stream:role:${role}`)).toBe(0)

  await inject.view.locator('input[name="copies"]').fill('2.5')
  await inject.compose({ target: 'manager', payload: '{"text":42}' })
  await inject.send()
  await expect(inject.fieldError('copies')).toContainText('(not 2.5)')
  await expect(inject.fieldError('payload')).toContainText('payload.text must be a string, not a number')
  await expect(inject.fieldError('target')).toHaveCount(0)
  await expect(inject.view.getByTestId('inject-results')).toHaveCount(0)
  // No native validation bubble could have stopped the submit: the form is noValidate.
  expect(await inject.view.locator('form[data-testid="envelope-form"]').evaluate((f) => (f as unknown as { noValidate: boolean }).noValidate)).toBe(true)
})

test('the result links to its trace, and the form keeps what was written', async ({ page, app }) => {
  const inject = new InjectPage(page)
  await inject.open(app.url)
  const text = `kept ${randomUUID().slice(0, 6)}`
  await inject.compose({ target: 'manager', payload: { text, stage: 'start' }, waitMs: 15_000 })
  await inject.send()
  await expect(inject.resultText()).toHaveText(text.toUpperCase().split('').reverse().join(''))
  await expect(inject.view.locator('textarea[name="payload"]')).toHaveValue(new RegExp(text))
  const messageId = (await inject.view.locator('article.result').getAttribute('data-message-id')) ?? ''
  await inject.view.getByRole('button', { name: 'Copy message id' }).click()
  await expect(page.getByTestId('toasts')).toContainText('Copied message id')
  await inject.view.getByTestId('result-trace-link').click()
  const traces = page.locator('[data-view="traces"]')
  await expect(traces.getByTestId('trace-message-id')).toHaveText(messageId)
  await expect(page).toHaveURL(new RegExp(`#traces/${messageId}$`))
  // Back on Inject: the payload written before is still there.
  await page.locator('[data-nav="inject"]').click()
  await expect(inject.view.locator('textarea[name="payload"]')).toHaveValue(new RegExp(text))
})
