// Helpers of the Cluster runtime tests: demo requests sent and counted, document chunks and their summaries.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Cluster } from 'ioredis'
import { afterAll, beforeAll } from 'vitest'
import { lateBound } from '../../support/late-bound'
import { startTestCluster, type TestCluster } from '../../support/redis-cluster'
import { DOC_SUMMARY, DOC_TASKS } from '@shared/keys'
import { AgentRuntime, pipelineRoles, type RuntimeOptions } from '../../../src/main/runtime'
import { fieldsToRecord } from '../../../src/main/runtime/reader/stream-entry'
import { sendDemoRequests as sendDemoRequestsTo } from '../runtime/envelope-count'

/** A runtime on the Cluster running `roles`, started. */
export async function startClusterRuntime(url: string, roles: readonly string[], options: Omit<Partial<RuntimeOptions>, 'redis'> = {}): Promise<AgentRuntime> {
  const runtime = new AgentRuntime({ redis: { url }, statsDir: join(mkdtempSync(join(tmpdir(), 'switchyard-cluster-stats-')), 'stats'), ...options })
  await runtime.start()
  for (const role of roles) await runtime.startRole(role)
  return runtime
}

export const DEMO_ROLES = pipelineRoles.demo.filter((role) => role !== 'stats')

/** For one describe block: its own 3+3 Cluster, a client of the test's, and a runtime serving the demo and document-review roles. */
export function useClusterRuntime(options: Omit<Partial<RuntimeOptions>, 'redis'> = {}): { cluster: TestCluster; client: Cluster; runtime: AgentRuntime } {
  let cluster: TestCluster | undefined
  let client: Cluster | undefined
  let runtime: AgentRuntime | undefined
  beforeAll(async () => {
    cluster = await startTestCluster()
    client = cluster.client()
    runtime = await startClusterRuntime(cluster.url, [...DEMO_ROLES, ...pipelineRoles['doc-review']], options)
  }, 120_000)
  afterAll(async () => {
    await runtime?.close()
    client?.disconnect()
    await cluster?.stop()
  })
  return { cluster: lateBound(() => cluster, 'cluster'), client: lateBound(() => client, 'client'), runtime: lateBound(() => runtime, 'runtime') }
}

/** Demo requests whose results all land on `resultList`; answers their message ids. */
export async function sendDemoRequests(cluster: Cluster, resultList: string, from: number, count: number): Promise<string[]> {
  const ids: string[] = []
  await sendDemoRequestsTo(cluster, ids, resultList, from, count)
  return ids
}

/** Each sent request's result on the list: how many are missing, how many came more than once, how many are wrong. */
export async function countResults(cluster: Cluster, sent: string[], resultList: string): Promise<{ lost: number; duplicated: number; wrong: number; total: number }> {
  const results = (await cluster.lrange(resultList, 0, -1)).map((item) => JSON.parse(item) as { message_id: string; conversation_id: string; payload: { text: string } })
  const counts = new Map<string, number>()
  for (const r of results) counts.set(r.message_id, (counts.get(r.message_id) ?? 0) + 1)
  const wrong = results.filter((r) => r.payload.text !== [...`MESSAGE ${r.conversation_id.slice(r.conversation_id.lastIndexOf('_') + 1)}`].reverse().join('')).length
  return {
    lost: sent.filter((id) => !counts.has(id)).length,
    duplicated: [...counts.values()].filter((n) => n > 1).length,
    wrong,
    total: results.length,
  }
}

/** Chunks of one document XADDed to the coordinator's stream. */
export async function sendChunks(cluster: Cluster, docId: string, count: number): Promise<void> {
  const fields = (i: number): string[] => ['doc_id', docId, 'chunk_id', `c${i}`, 'text', `Chunk ${i} of ${docId}.`]
  const pipeline = cluster.pipeline()
  for (let i = 1; i <= count; i++) pipeline.xadd(DOC_TASKS, '*', ...fields(i))
  const replies = (await pipeline.exec()) ?? []
  // A pipeline answers each command's error instead of throwing: right after a failover the test's own
  // client may still aim at the dead master. Those chunks are sent again, one by one, as a producer would.
  for (let i = 1; i <= count; i++) {
    if (replies[i - 1]?.[0]) await cluster.xadd(DOC_TASKS, '*', ...fields(i))
  }
}

/** The summaries of one document per (chunk, review type): how many chunks × types there are, and how many came twice. */
export async function countSummaries(cluster: Cluster, docId: string): Promise<{ distinct: number; duplicated: number }> {
  const counts = new Map<string, number>()
  for (const [, flat] of await cluster.xrange(DOC_SUMMARY, '-', '+')) {
    const data = JSON.parse(fieldsToRecord(flat).data ?? '{}') as Record<string, string>
    if (data.doc_id !== docId) continue
    const key = `${data.chunk_id}:${data.type}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return { distinct: counts.size, duplicated: [...counts.values()].filter((n) => n > 1).length }
}
