import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestCluster, type TestCluster } from '../../support/redis-cluster'

describe('the test Redis Cluster (3 masters + 3 replicas)', () => {
  let cluster: TestCluster
  beforeAll(async () => {
    cluster = await startTestCluster()
  }, 120_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  it('spreads keys over three masters and survives a master killed', async () => {
    const client = cluster.client()
    try {
      expect(client.nodes('master')).toHaveLength(0) // not connected yet: ioredis fills it on ready
      await client.set('a', '1')
      await client.set('b', '2')
      expect(client.nodes('master')).toHaveLength(3)
      const owner = await cluster.masterOf('a')
      await cluster.failOver(owner)
      expect(await client.get('a')).toBe('1')
      expect(await cluster.masterOf('a')).not.toBe(owner)
    } finally {
      client.disconnect()
    }
  }, 120_000)
})
