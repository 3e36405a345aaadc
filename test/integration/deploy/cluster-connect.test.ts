import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isCluster, mastersOf } from '../../../src/main/redis/client-type'
import { resolveClusterConfig } from '../../../src/main/redis/cluster-detect'
import { redisConfigFromEnv } from '../../../src/main/redis/connection-config'
import { createRedisClientFor } from '../../../src/main/redis/create-client'
import { startTestCluster, type TestCluster } from '../../support/redis-cluster'
import { useTestRedis } from '../../support/redis'

describe('connecting to a Redis Cluster (3 masters + 3 replicas)', () => {
  let cluster: TestCluster
  const single = useTestRedis()
  beforeAll(async () => {
    cluster = await startTestCluster()
  }, 120_000)
  afterAll(async () => {
    await cluster?.stop()
  })

  async function writesAcrossSlots(env: NodeJS.ProcessEnv): Promise<void> {
    const client = createRedisClientFor(redisConfigFromEnv(env), 'command')
    try {
      expect(isCluster(client)).toBe(true)
      // Keys in many slots: a single-node client would get MOVED for two thirds of them.
      for (let i = 0; i < 30; i++) await client.set(`probe:${i}`, String(i))
      expect(await client.get('probe:17')).toBe('17')
      expect(mastersOf(client)).toHaveLength(3)
    } finally {
      client.disconnect()
    }
  }

  it('REDIS_URL=redis+cluster:// and REDIS_CLUSTER_NODES each give a Cluster client that follows the slots', async () => {
    await writesAcrossSlots({ REDIS_URL: cluster.url })
    await writesAcrossSlots({ REDIS_CLUSTER_NODES: cluster.nodeList })
  })

  it('a plain redis:// URL of a Cluster node is detected (cluster_enabled:1) and used as the seed', async () => {
    const plain = { url: `redis://127.0.0.1:${cluster.nodes[0]!.port}/0` }
    const resolved = await resolveClusterConfig(plain)
    expect(resolved.cluster).toEqual({ nodes: [{ host: '127.0.0.1', port: cluster.nodes[0]!.port }] })
    const client = createRedisClientFor(resolved, 'command')
    try {
      for (let i = 0; i < 10; i++) await client.set(`detected:${i}`, 'x')
      expect(await client.get('detected:9')).toBe('x')
    } finally {
      client.disconnect()
    }
  })

  it('a single Redis stays a single-server config', async () => {
    const config = { url: single.server.url }
    expect(await resolveClusterConfig(config)).toBe(config)
  })
})
