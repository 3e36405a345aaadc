import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnWorker } from '../runtime/worker-process'
import type { Cluster } from 'ioredis'
import { deadLetterStream, JOURNAL_STREAM, journalIndexOfMessage, reviewTypes } from '@shared/keys'
import type { Redis } from 'ioredis'
import type { JournalHop } from '../../../src/main/runtime/hop/journal'
import { deliverOnce, hopOnCluster } from '../../../src/main/runtime/hop/cluster/cluster-hop'
import { deadLetterOnCluster } from '../../../src/main/runtime/hop/cluster/cluster-dead-letter'
import { readJournal } from '../../../src/main/runtime'
import { keySlot } from '../../../src/main/redis/key-slot'
import { deliveredMarker } from '../../../src/main/runtime/hop/cluster/markers'
import { startTestCluster, type TestCluster } from '../../support/redis-cluster'
import { waitFor } from '../../support/wait'
import { countResults, countSummaries, sendChunks, sendDemoRequests, useClusterRuntime } from './cluster-pipelines'

describe('the runtime on a Redis Cluster (3 masters + 3 replicas)', () => {
  const { cluster, client, runtime } = useClusterRuntime()


  it('a hop marker hashes to its destination stream\'s slot', () => {
    const marker = deliveredMarker('stream:role:uppercase', { stream: 'stream:role:manager', id: '1-0' })
    expect(marker).toBe('{stream:role:uppercase}:delivered:stream:role:manager:1-0')
    expect(keySlot(marker)).toBe(keySlot('stream:role:uppercase'))
  })

  it('answers a request with the whole trace, journaled across slots', async () => {
    const result = await runtime.request('cluster_hello', 'Hello, world!', { timeoutMs: 10_000 })
    expect(result.payload.text).toBe('!DLROW ,OLLEH')
    expect(result.trace.map((hop) => hop.role)).toEqual(['manager', 'uppercase', 'manager', 'reverse', 'manager'])
    // Each hop is journaled before its delivery: the trace is whole, and in order, when the result arrives.
    const hops = await readJournal(client as unknown as Redis, result.message_id)
    expect(hops.map((h) => h.fields.role)).toEqual(['manager', 'uppercase', 'manager', 'reverse', 'manager'])
    expect(await client.xlen(JOURNAL_STREAM)).toBeGreaterThanOrEqual(5)
  })

  it('runs 1,000 demo requests with none lost and none duplicated', async () => {
    const resultList = 'result:cluster-demo-1000'
    const sent = await sendDemoRequests(client, resultList, 0, 1000)
    await waitFor('1,000 results', async () => (await client.llen(resultList)) >= 1000, 50_000)
    expect(await countResults(client, sent, resultList)).toEqual({ lost: 0, duplicated: 0, wrong: 0, total: 1000 })
  }, 60_000)

  it('reaches the agents of every process by broadcast over the Cluster\'s pub/sub, and hears their lifecycle events', async () => {
    const statsDir = mkdtempSync(join(tmpdir(), 'switchyard-cluster-worker-'))
    const other = spawnWorker(['--roles', 'manager'], { REDIS_URL: cluster.url, STATS_DIR: statsDir })
    const heard: Array<{ agent: string; event: string }> = []
    const off = runtime.onLifecycle((event) => heard.push({ agent: event.agent_id, event: event.event }))
    try {
      await other.ready
      const local = runtime.agentIdsOf('manager')[0]!
      const remote = await waitFor('the other process\'s manager', () => heard.find((e) => e.agent !== local && !runtime.agentIdsOf('manager').includes(e.agent))?.agent)
      expect(await runtime.broadcast('reload', 'manager')).toBe(2)
      await waitFor('reload events of both managers', () => [local, remote].every((id) => heard.some((e) => e.agent === id && e.event === 'reload')))
    } finally {
      off()
      other.child.kill('SIGTERM')
      await other.exited
      rmSync(statsDir, { recursive: true, force: true })
    }
  }, 30_000)

  it('runs the document-review pipeline: each chunk gets its four summaries once', async () => {
    await sendChunks(client, 'cluster-doc', 25)
    const expected = 25 * reviewTypes.length
    await waitFor(`${expected} summaries`, async () => (await countSummaries(client, 'cluster-doc')).distinct >= expected, 30_000)
    expect(await countSummaries(client, 'cluster-doc')).toEqual({ distinct: expected, duplicated: 0 })
  }, 40_000)
})

describe('a Cluster hop run again after a crash between delivery and XACK', () => {
  let cluster: TestCluster
  let client: Cluster
  beforeAll(async () => {
    cluster = await startTestCluster()
    client = cluster.client()
  }, 120_000)
  afterAll(async () => {
    client?.disconnect()
    await cluster?.stop()
  })

  async function pendingEntry(stream: string, group: string): Promise<{ stream: string; group: string; id: string }> {
    await client.xgroup('CREATE', stream, group, '0', 'MKSTREAM')
    const id = (await client.xadd(stream, '*', 'envelope', '{}')) as string
    await client.xreadgroup('GROUP', group, 'crashed', 'COUNT', 1, 'STREAMS', stream, '>')
    return { stream, group, id }
  }

  it('delivers nothing twice: the marker in the destination\'s slot stops the second delivery', async () => {
    const source = await pendingEntry('stream:role:manager', 'cg:role:manager')
    const destination = 'stream:role:uppercase'
    const hop: JournalHop = {
      messageId: 'm-crash', conversationId: 'c-crash', role: 'manager', agentId: 'a1', destination, delivery: 'stream',
      envelopeJson: '{"n":1}', source, deliveries: 1,
    }
    // The first run got as far as the delivery, then its process died: the entry is still pending.
    await deliverOnce(client, destination, deliveredMarker(destination, source), 'stream', ['envelope', hop.envelopeJson])
    expect(await client.xlen(destination)).toBe(1)
    // Whoever claims it runs the whole hop again.
    expect(await hopOnCluster(client, { ...hop, envelopeJson: '{"n":2}' }, 1000, (error) => { throw error })).toBe(true)
    expect(await client.xlen(destination)).toBe(1)
    expect((await client.xrange(destination, '-', '+'))[0]?.[1]).toEqual(['envelope', '{"n":1}'])
    expect(await client.xpending(source.stream, source.group)).toEqual([0, null, null, null])
    expect(await client.lrange(journalIndexOfMessage('m-crash'), 0, -1)).toHaveLength(1)
    // A third run (a slow instance that had it claimed) finds it acked: nothing at all.
    expect(await hopOnCluster(client, hop, 1000, (error) => { throw error })).toBe(false)
    expect(await client.xlen(destination)).toBe(1)
    expect(await client.lrange(journalIndexOfMessage('m-crash'), 0, -1)).toHaveLength(1)
  })

  it('a destination of the wrong type dead-letters the entry with the reason, journals nothing, and acks it', async () => {
    const source = await pendingEntry('stream:role:reverse', 'cg:role:reverse')
    await client.hset('result:wrong-type', 'a', '1')
    const hop: JournalHop = {
      messageId: 'm-wrong', conversationId: 'c-wrong', role: 'reverse', agentId: 'a1', destination: 'result:wrong-type', delivery: 'list',
      envelopeJson: '{"n":3}', source, deliveries: 1,
    }
    expect(await hopOnCluster(client, hop, 1000, (error) => { throw error })).toBe(true)
    const [letter] = await client.xrange(deadLetterStream(source.stream), '-', '+')
    expect(letter?.[1]).toEqual(expect.arrayContaining(['dlq_reason', 'WRONGTYPE: result_list result:wrong-type is a hash', 'dlq_envelope_out', '{"n":3}']))
    expect(await client.lrange(journalIndexOfMessage('m-wrong'), 0, -1)).toEqual([])
    expect(await client.xpending(source.stream, source.group)).toEqual([0, null, null, null])
  })

  it('dead-letters once: a re-run finds the dead-letter marker', async () => {
    const source = await pendingEntry('doc.review.tasks', 'coordinator-group')
    const entry = { ...source, fields: { envelope: '{}' }, deliveries: 4 }
    await deadLetterOnCluster(client, { entry, consumer: 'a1', reason: 'too many deliveries', kind: 'failed' })
    await deadLetterOnCluster(client, { entry, consumer: 'a2', reason: 'too many deliveries', kind: 'failed' })
    expect(await client.xlen(deadLetterStream(source.stream))).toBe(1)
    expect(await client.xpending(source.stream, source.group)).toEqual([0, null, null, null])
  })
})
