import { describe, expect, it } from 'vitest'
import { DOC_TASKS, docReviewStream, reviewTypes, roleStream } from '@shared/keys'
import type { ClusterNodeProcess } from '../../support/redis-cluster'
import { waitFor } from '../../support/wait'
import { countResults, countSummaries, sendChunks, sendDemoRequests, useClusterRuntime } from './cluster-pipelines'

describe('the runtime across a Cluster failover (a master SIGKILLed mid-run, its replica promoted)', () => {
  // Entries cut off mid-hop by the kill stay pending: claimed again after a second here (60 s by default).
  const { cluster, client } = useClusterRuntime({ claimIdleMs: 1000 })


  it('1,000 demo requests with the master of a hop\'s stream killed: none lost, none duplicated', async () => {
    const resultList = 'result:cluster-failover-demo'
    const sent = await sendDemoRequests(client, resultList, 0, 500)
    await waitFor('the first results', async () => (await client.llen(resultList)) >= 50, 20_000)
    const victim = await cluster.masterOf(roleStream('uppercase'))
    const failover = cluster.failOver(victim)
    sent.push(...(await sendDemoRequests(client, resultList, 500, 500)))
    await failover
    await waitFor('1,000 results', async () => (await client.llen(resultList)) >= 1000, 40_000)
    expect(await countResults(client, sent, resultList)).toEqual({ lost: 0, duplicated: 0, wrong: 0, total: 1000 })
  }, 60_000)

  it('the document-review pipeline with another master killed: each chunk\'s four summaries once', async () => {
    // A master that still has a replica (the one promoted before has none) and owns a doc-review stream.
    const slots = await client.cluster('SLOTS')
    const withReplica = new Set(slots.filter((range) => range.length > 3).map((range) => Number(range[2]?.[1])))
    let victim: ClusterNodeProcess | undefined
    for (const key of [DOC_TASKS, ...reviewTypes.map(docReviewStream)]) {
      const owner = await cluster.masterOf(key)
      if (withReplica.has(owner.port)) victim = owner
    }
    if (!victim) throw new Error('no doc-review stream lives on a master with a replica')
    await sendChunks(client, 'failover-doc', 60)
    await waitFor('the first summaries', async () => (await countSummaries(client, 'failover-doc')).distinct >= 20, 20_000)
    await cluster.failOver(victim)
    await sendChunks(client, 'failover-doc-2', 60)
    const expected = 60 * reviewTypes.length
    for (const doc of ['failover-doc', 'failover-doc-2']) {
      // The probe throws the count it saw, so a timeout says how many came.
      await waitFor(`${expected} summaries of ${doc}`, async () => {
        const { distinct } = await countSummaries(client, doc)
        if (distinct < expected) throw new Error(`${distinct} so far`)
        return true
      }, 30_000)
      expect(await countSummaries(client, doc)).toEqual({ distinct: expected, duplicated: 0 })
    }
  }, 60_000)
})
