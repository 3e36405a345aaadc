import { randomUUID } from 'node:crypto'
import { ConnectionPage } from '../pages/connection-page'
import { PendingPage } from '../pages/pending-page'
import { PipelinePage } from '../pages/pipeline-page'
import { StreamsPage } from '../pages/streams-page'
import { TracesPage } from '../pages/traces-page'
import { keysOnEveryMaster, startClusterApp, type ClusterApp } from '../support/cluster-app'
import { expect, test } from '../support/fixtures'

// The core flows once against a Redis Cluster: its own 3 masters + 3 replicas and its own headless host.
let app: ClusterApp

test.beforeAll(async () => {
  test.setTimeout(180_000)
  app = await startClusterApp({ agents: 'demo' })
})

test.afterAll(async () => {
  await app?.close()
})

test('the Connection screen lists the Cluster’s nodes: masters with their slots, replicas with the master they follow', async ({ page }) => {
  const connection = new ConnectionPage(page)
  await connection.open(app.url)
  await connection.shell.expectConnectionState('connected')
  await expect(connection.view.getByTestId('connection-facts')).toContainText('(Redis Cluster)')
  const nodes = connection.view.getByTestId('cluster-nodes')
  await expect(nodes.locator('tr[data-node]')).toHaveCount(6)
  await expect(nodes.locator('tr[data-role="master"]')).toHaveCount(3)
  await expect(nodes.locator('tr[data-role="replica"]')).toHaveCount(3)
  await expect(nodes.locator('tr[data-reachable="true"]')).toHaveCount(6)
  await expect(nodes.locator('tr[data-role="master"]').first()).toContainText('0–')
  await expect(nodes.locator('tr[data-role="master"]').last()).toContainText('–16383')
  for (const port of app.cluster.nodes.map((n) => n.port)) await expect(nodes.locator(`tr[data-node="127.0.0.1:${port}"]`)).toHaveCount(1)
})

test('the Streams view lists streams of every master and tails one on another node', async ({ page }) => {
  const prefix = `e2e:${randomUUID().slice(0, 8)}:spread`
  const owners = await keysOnEveryMaster(app.cluster, prefix)
  for (const key of owners.keys()) await app.redis.xadd(key, '*', 'n', 'first')
  const streams = new StreamsPage(page)
  await streams.open(app.url)
  const list = streams.view.getByRole('navigation', { name: 'Streams' })
  for (const key of owners.keys()) await expect(list.getByRole('button', { name: new RegExp(`^${key}\\s*\\d+$`) })).toBeVisible()
  const seedPort = app.cluster.nodes[0]!.port
  const elsewhere = [...owners].find(([, port]) => port !== seedPort)![0]
  await streams.choose(elsewhere)
  const id = await app.redis.xadd(elsewhere, '*', 'n', 'live-on-another-master')
  await expect(streams.row(id ?? '')).toContainText('live-on-another-master')
})

test('pending entries on a key of each master are read and claimed to a new consumer', async ({ page }) => {
  const prefix = `e2e:${randomUUID().slice(0, 8)}:claim`
  const owners = await keysOnEveryMaster(app.cluster, prefix)
  const onEachMaster = [...new Map([...owners].map(([key, port]) => [port, key])).values()]
  const created = new Map<string, string[]>()
  for (const key of onEachMaster) {
    await app.redis.xgroup('CREATE', key, 'workers', '$', 'MKSTREAM')
    created.set(key, [(await app.redis.xadd(key, '*', 'job', 'a'))!, (await app.redis.xadd(key, '*', 'job', 'b'))!])
    await app.redis.xreadgroup('GROUP', 'workers', 'dead-1', 'COUNT', 10, 'STREAMS', key, '>')
  }
  const pending = new PendingPage(page)
  await pending.open(app.url)
  for (const [key, ids] of created) {
    await pending.choose(key, 'workers')
    await expect(pending.consumerRows('dead-1')).toHaveCount(2)
    for (const id of ids) await pending.table.getByLabel(`Select ${id}`).check()
    await pending.view.getByRole('button', { name: 'Claim…' }).click()
    await pending.dialog.getByLabel('Consumer', { exact: true }).fill('rescuer')
    await pending.dialog.getByLabel('Min idle (s)').fill('0')
    await pending.dialog.getByRole('button', { name: 'Claim', exact: true }).click()
    await expect(pending.consumerRows('rescuer')).toHaveCount(2)
    expect(await app.redis.xpending(key, 'workers')).toEqual([2, ids[0], ids[1], [['rescuer', '2']]])
  }
})

test('the graph shows the demo roles running on the Cluster, and a stream node opens its panel', async ({ page }) => {
  const pipeline = new PipelinePage(page)
  await pipeline.open(app.url)
  for (const role of ['manager', 'uppercase', 'reverse']) {
    await expect(pipeline.node('role', role)).toBeVisible()
    await expect(pipeline.node('stream', `stream:role:${role}`)).toBeVisible()
  }
  await pipeline.node('stream', 'stream:role:uppercase').click()
  await expect(pipeline.panel).toContainText('cg:role:uppercase')
})

test('the trace of a "Hello, world!" request through agents on the Cluster steps through its hops', async ({ page }) => {
  const traces = new TracesPage(page)
  const total = await traces.openHelloTrace(app.url, app.redis, 'cluster-hello')
  await page.keyboard.press('End')
  await expect(traces.position).toHaveText(`Hop ${total} of ${total}`)
  await expect(traces.hopDetail).toContainText('!DLROW ,OLLEH')
})
