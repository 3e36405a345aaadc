import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runHeadless } from '../../../src/main/host/headless'
import { PipelinePage } from '../pages/pipeline-page'
import { StreamsPage } from '../pages/streams-page'
import { RENDERER_DIR } from '../support/app'
import { expect, test } from '../support/fixtures'

const USER = 'e2e-stream-reader'
const PASSWORD = 'e2e-stream-reader-pw'

// A second host on the shared Redis as a user who may read stream:* only: the views say what it could not read.
test('the Pipeline and Streams views name the keys the Redis user may not read, and show the rest', async ({ page, app, redis }) => {
  await redis.call('ACL', 'SETUSER', USER, 'reset', 'on', `>${PASSWORD}`, '~stream:*', '-@all', '+@read', '+ping', '+info')
  const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-e2e-unreadable-'))
  const target = new URL(app.redisUrl)
  const host = await runHeadless({
    dataDir,
    handleSignals: false,
    print: false,
    env: {
      ...process.env,
      REDIS_URL: `redis://${USER}:${PASSWORD}@${target.host}/0`,
      SWITCHYARD_AGENTS: 'none',
      SWITCHYARD_RENDERER_DIR: RENDERER_DIR,
      STATS_DIR: join(dataDir, 'stats'),
    },
  })
  try {
    const pipeline = new PipelinePage(page)
    await pipeline.open(host.url)
    const note = pipeline.view.getByTestId('unreadable')
    await expect(note).toContainText('2 keys could not be read:')
    await expect(note).toContainText('may not access switchyard:agents')
    await expect(note).toContainText('may not access switchyard:journal')
    await expect(note).toContainText('its ACL needs a ~<pattern> that covers it')
    // What it may read is still drawn.
    await expect(pipeline.node('stream', 'stream:role:manager')).toBeVisible()

    const streams = new StreamsPage(page)
    await streams.shell.goTo('streams')
    await expect(streams.view.getByTestId('unreadable')).toContainText('2 keys could not be read:')
    await streams.choose('stream:role:manager')
  } finally {
    await host.close()
    await redis.call('ACL', 'DELUSER', USER)
    rmSync(dataDir, { recursive: true, force: true })
  }
})
