import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Cluster } from 'ioredis'
import { startTestCluster, type TestCluster } from '../../support/redis-cluster'
import { ensureRendererBuilt, startTestHost } from './app'

/** The headless host on a 3-master + 3-replica Redis Cluster of its own. */
export interface ClusterApp {
  /** Page URL with the token. */
  url: string
  cluster: TestCluster
  /** The test's own Cluster client, for arranging data and asserting on it. */
  redis: Cluster
  close(): Promise<void>
}

/** `agents`: SWITCHYARD_AGENTS of the host ("demo" runs the demo pipeline on the Cluster, "none" nothing). */
export async function startClusterApp(options: { agents: string }): Promise<ClusterApp> {
  ensureRendererBuilt()
  const cluster = await startTestCluster()
  const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-e2e-cluster-'))
  try {
    const host = await startTestHost(dataDir, { REDIS_URL: cluster.url, SWITCHYARD_AGENTS: options.agents })
    const redis = cluster.client()
    return {
      url: host.url,
      cluster,
      redis,
      async close() {
        await redis.quit().catch(() => redis.disconnect())
        await host.close()
        await cluster.stop()
        rmSync(dataDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await cluster.stop()
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
}

/** Stream keys `prefix:0…` until at least one lands on each of the three masters. */
export async function keysOnEveryMaster(cluster: TestCluster, prefix: string): Promise<Map<string, number>> {
  const owners = new Map<string, number>()
  for (let i = 0; new Set(owners.values()).size < 3; i++) owners.set(`${prefix}:${i}`, (await cluster.masterOf(`${prefix}:${i}`)).port)
  return owners
}
