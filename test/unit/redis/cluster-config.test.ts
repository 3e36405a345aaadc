import { describe, expect, it } from 'vitest'
import { clusterSeedsOf, parseRedisUrl, redactUrl, redisConfigFromEnv, usesTls } from '../../../src/main/redis/connection-config'
import { parseClusterUrl, parseNodeList } from '../../../src/main/redis/cluster-url'
import { asClusterSeed } from '../../../src/main/redis/cluster-detect'
import { createRedisClientFor } from '../../../src/main/redis/create-client'

describe('Redis Cluster connection settings', () => {
  it('reads REDIS_URL=redis+cluster:// with its seed nodes', () => {
    const config = redisConfigFromEnv({ REDIS_URL: 'redis+cluster://127.0.0.1:7000,127.0.0.1:7001, 10.0.0.3 ' })
    expect(config.cluster).toEqual({ nodes: [{ host: '127.0.0.1', port: 7000 }, { host: '127.0.0.1', port: 7001 }, { host: '10.0.0.3', port: 6379 }] })
    expect(usesTls(config)).toBe(false)
  })

  it('rediss+cluster:// means TLS, with user and password taken from the URL', () => {
    const config = redisConfigFromEnv({ REDIS_URL: 'rediss+cluster://app:s3cr%40t@redis-a:7000,[::1]:7001/0' })
    expect(usesTls(config)).toBe(true)
    expect(config.cluster?.nodes).toEqual([{ host: 'redis-a', port: 7000 }, { host: '::1', port: 7001 }])
    expect(parseRedisUrl(config.url)).toMatchObject({ host: 'redis-a', port: 7000, db: 0, tls: true, username: 'app', password: 's3cr@t' })
  })

  it('reads REDIS_CLUSTER_NODES, alone or with REDIS_URL giving the credentials and TLS', () => {
    const alone = redisConfigFromEnv({ REDIS_CLUSTER_NODES: 'h1:7000,h2:7001' })
    expect(alone.cluster?.nodes).toEqual([{ host: 'h1', port: 7000 }, { host: 'h2', port: 7001 }])
    expect(redactUrl(alone)).toBe('redis+cluster://h1:7000,h2:7001')
    const withUrl = redisConfigFromEnv({ REDIS_CLUSTER_NODES: 'h1:7000,h2:7001', REDIS_URL: 'rediss://ops:pw1234@h1:7000' })
    expect(withUrl.cluster?.nodes).toHaveLength(2)
    expect(usesTls(withUrl)).toBe(true)
    expect(redactUrl(withUrl)).toBe('rediss+cluster://ops@h1:7000,h2:7001')
    expect(usesTls(redisConfigFromEnv({ REDIS_CLUSTER_NODES: 'h1:7000', REDIS_TLS: 'true' }))).toBe(true)
  })

  it('never shows the password of a Cluster URL', () => {
    const shown = redactUrl({ url: 'redis+cluster://app:hunter2@10.0.0.5:7000,10.0.0.6:7000' })
    expect(shown).toBe('redis+cluster://app@10.0.0.5:7000,10.0.0.6:7000')
    expect(redactUrl(redisConfigFromEnv({ REDIS_URL: 'redis+cluster://:hunter2@[::1]:7000' }))).toBe('redis+cluster://[::1]:7000')
  })

  it('refuses bad node lists and databases other than 0 with clear messages', () => {
    expect(() => redisConfigFromEnv({ REDIS_CLUSTER_NODES: ' , ' })).toThrow(/REDIS_CLUSTER_NODES names no node/)
    expect(() => redisConfigFromEnv({ REDIS_CLUSTER_NODES: 'h1:notaport' })).toThrow(/REDIS_CLUSTER_NODES: "h1:notaport" is not host:port/)
    expect(() => parseNodeList('h1:70000')).toThrow(/port of "h1:70000" must be 1-65535/)
    expect(() => redisConfigFromEnv({ REDIS_URL: 'redis+cluster://' })).toThrow(/Redis Cluster URL names no node/)
    expect(() => redisConfigFromEnv({ REDIS_URL: 'redis+cluster://h1:7000/2' })).toThrow(/only database 0/)
    expect(() => redisConfigFromEnv({ REDIS_CLUSTER_NODES: 'h1:7000', REDIS_URL: 'redis://h1:7000/3' })).toThrow(/only database 0/)
    expect(() => parseClusterUrl('redis://h1:7000')).toThrow(/redis\+cluster:\/\/host:port/)
    expect(() => redisConfigFromEnv({ REDIS_URL: 'http://x' })).toThrow(/redis:\/\/ or rediss:\/\/ \(redis\+cluster:\/\/ for a Cluster\)/)
  })

  it('a single-server URL names no Cluster; a detected node becomes the only seed', () => {
    const single = redisConfigFromEnv({ REDIS_URL: 'redis://127.0.0.1:6390/0' })
    expect(single.cluster).toBeUndefined()
    expect(clusterSeedsOf(single)).toBeNull()
    expect(asClusterSeed(single).cluster).toEqual({ nodes: [{ host: '127.0.0.1', port: 6390 }] })
    expect(() => asClusterSeed({ url: 'redis://127.0.0.1:6390/4' })).toThrow(/only database 0, not 4/)
  })

  it('createRedisClientFor answers a Cluster for a Cluster config and one server otherwise', () => {
    const cluster = createRedisClientFor({ url: 'redis+cluster://127.0.0.1:1,127.0.0.1:2', connectTimeoutSec: 1 }, 'command')
    const single = createRedisClientFor({ url: 'redis://127.0.0.1:1/0', connectTimeoutSec: 1 }, 'command')
    try {
      expect(cluster.isCluster).toBe(true)
      expect(single.isCluster).toBe(false)
    } finally {
      cluster.disconnect()
      single.disconnect()
    }
  })
})
