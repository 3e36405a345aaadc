import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestCluster, type TestCluster } from '../../support/redis-cluster'
import { spawnWorker, type WorkerProcess } from '../runtime/worker-process'
import { runCli } from './cli-run'

describe('`switchyard worker` and `request` on a Redis Cluster', () => {
  let cluster: TestCluster
  let worker: WorkerProcess
  let statsDir: string
  beforeAll(async () => {
    cluster = await startTestCluster()
    statsDir = mkdtempSync(join(tmpdir(), 'switchyard-cluster-cli-'))
    worker = spawnWorker(['--pipeline', 'demo'], { REDIS_URL: cluster.url, STATS_DIR: statsDir })
    await worker.ready
  }, 120_000)
  afterAll(async () => {
    if (worker && worker.child.exitCode === null) worker.child.kill('SIGTERM')
    await worker?.exited
    await cluster?.stop()
    if (statsDir) rmSync(statsDir, { recursive: true, force: true })
  })

  it('the worker says where it runs, without MOVED', () => {
    expect(worker.output()).toContain(`worker ready: 4 agents (manager, uppercase, reverse, stats) on ${cluster.url}`)
    expect(worker.output()).not.toMatch(/MOVED|CROSSSLOT/)
  })

  it('`request` answers through REDIS_URL=redis+cluster://, REDIS_CLUSTER_NODES, and a plain URL of one node (detected)', async () => {
    const plainNode = `redis://127.0.0.1:${cluster.nodes[1]!.port}/0`
    const envs: Array<Record<string, string>> = [{ REDIS_URL: cluster.url }, { REDIS_URL: '', REDIS_CLUSTER_NODES: cluster.nodeList }, { REDIS_URL: plainNode }]
    for (const env of envs) {
      const run = await runCli(['request', 'Hello, Cluster!', '--timeout', '15000'], env)
      expect(run.output).toContain('!RETSULC ,OLLEH')
      expect(run.code).toBe(0)
    }
  }, 60_000)
})
