import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Cluster } from 'ioredis'
import { JOURNAL_STREAM, reviewTypes } from '@shared/keys'
import { pipelineRoles, readJournal, type AgentRuntime } from '../../../src/main/runtime'
import { keySlot } from '../../../src/main/runtime/hop/cluster/key-slot'
import { deliveredMarker } from '../../../src/main/runtime/hop/cluster/markers'
import { startTestCluster, type TestCluster } from '../../support/redis-cluster'
import { waitFor } from '../../support/wait'
import { countResults, countSummaries, DEMO_ROLES, sendChunks, sendDemoRequests, startClusterRuntime } from './cluster-pipelines'

describe('the runtime on a Redis Cluster (3 masters + 3 replicas)', () => {
  let cluster: TestCluster
  let client: Cluster
  let runtime: AgentRuntime
  beforeAll(async () => {
    cluster = await startTestCluster()
    client = cluster.client()
    runtime = await startClusterRuntime(cluster.url, [...DEMO_ROLES, ...pipelineRoles['doc-review']])
  }, 120_000)
  afterAll(async () => {
    await runtime?.close()
    client?.disconnect()
    await cluster?.stop()
  })

  it('a hop marker hashes to its destination stream\'s slot', () => {
    const marker = deliveredMarker('stream:role:uppercase', { stream: 'stream:role:manager', id: '1-0' })
    expect(marker).toBe('{stream:role:uppercase}:delivered:stream:role:manager:1-0')
    expect(keySlot(marker)).toBe(keySlot('stream:role:uppercase'))
  })

  it('answers a request with the whole trace, journaled across slots', async () => {
    const result = await runtime.request('cluster_hello', 'Hello, world!', { timeoutMs: 10_000 })
    expect(result.payload.text).toBe('!DLROW ,OLLEH')
    expect(result.trace.map((hop) => hop.role)).toEqual(['manager', 'uppercase', 'manager', 'reverse', 'manager'])
    const hops = await readJournal(client as never, result.message_id)
    expect(hops.map((h) => h.fields.role)).toEqual(['manager', 'uppercase', 'manager', 'reverse', 'manager'])
    expect(await client.xlen(JOURNAL_STREAM)).toBeGreaterThanOrEqual(5)
  })

  it('runs 1,000 demo requests with none lost and none duplicated', async () => {
    const resultList = 'result:cluster-demo-1000'
    const sent = await sendDemoRequests(client, resultList, 0, 1000)
    await waitFor('1,000 results', async () => (await client.llen(resultList)) >= 1000, 50_000)
    expect(await countResults(client, sent, resultList)).toEqual({ lost: 0, duplicated: 0, wrong: 0, total: 1000 })
  }, 60_000)

  it('runs the document-review pipeline: each chunk gets its four summaries once', async () => {
    await sendChunks(client, 'cluster-doc', 25)
    const expected = 25 * reviewTypes.length
    await waitFor(`${expected} summaries`, async () => (await countSummaries(client, 'cluster-doc')).distinct >= expected, 30_000)
    expect(await countSummaries(client, 'cluster-doc')).toEqual({ distinct: expected, duplicated: 0 })
  }, 40_000)
})
