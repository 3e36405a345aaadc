import { ConnectionPage } from '../pages/connection-page'
import { expect, test } from '../support/fixtures'

test('the connection form names a bad URL before sending anything', async ({ page, app }) => {
  const connection = new ConnectionPage(page)
  await connection.open(app.url)
  await connection.fill({ url: 'http://example.com' })
  await connection.test()
  await expect(connection.fieldError('url')).toHaveText('URL must start with redis://, rediss:// or redis+cluster://')
})

test('testing the running Redis reports its version and latency', async ({ page, app }) => {
  const connection = new ConnectionPage(page)
  await connection.open(app.url)
  await connection.fill({ url: app.redisUrl })
  await connection.test()
  await expect(connection.outcome()).toContainText(/Reachable: Redis \d+\.\d+/)
})
