// Helpers of the Cluster runtime tests: demo requests sent and counted, document chunks and their summaries.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Cluster } from 'ioredis'
import { ENVELOPE_FIELD } from '@shared/envelope'
import { DOC_SUMMARY, DOC_TASKS, roleStream } from '@shared/keys'
import { AgentRuntime, completeEnvelope, pipelineRoles, type RuntimeOptions } from '../../../src/main/runtime'
import { fieldsToRecord } from '../../../src/main/runtime/reader/stream-entry'

/** A runtime on the Cluster running `roles`, started. */
export async function startClusterRuntime(url: string, roles: readonly string[], options: Omit<Partial<RuntimeOptions>, 'redis'> = {}): Promise<AgentRuntime> {
  const runtime = new AgentRuntime({ redis: { url }, statsDir: join(mkdtempSync(join(tmpdir(), 'switchyard-cluster-stats-')), 'stats'), ...options })
  await runtime.start()
  for (const role of roles) await runtime.startRole(role)
  return runtime
}

export const DEMO_ROLES = pipelineRoles.demo.filter((role) => role !== 'stats')

/** Demo requests whose results all land on `resultList`; answers their message ids. */
export async function sendDemoRequests(cluster: Cluster, resultList: string, from: number, count: number): Promise<string[]> {
  const ids: string[] = []
  const pipeline = cluster.pipeline() // one key (the manager's stream): one slot
  for (let i = from; i < from + count; i++) {
    const envelope = completeEnvelope({ kind: 'role', name: 'manager' }, {
      conversation_id: `cluster_${i}`,
      sender_role: 'external',
      result_list: resultList,
      payload: { text: `message ${i}`, stage: 'start' },
    })
    ids.push(envelope.message_id)
    pipeline.xadd(roleStream('manager'), '*', ENVELOPE_FIELD, JSON.stringify(envelope))
  }
  await pipeline.exec()
  return ids
}

/** Each sent request's result on the list: how many are missing, how many came more than once, how many are wrong. */
export async function countResults(cluster: Cluster, sent: string[], resultList: string): Promise<{ lost: number; duplicated: number; wrong: number; total: number }> {
  const results = (await cluster.lrange(resultList, 0, -1)).map((item) => JSON.parse(item) as { message_id: string; conversation_id: string; payload: { text: string } })
  const counts = new Map<string, number>()
  for (const r of results) counts.set(r.message_id, (counts.get(r.message_id) ?? 0) + 1)
  const wrong = results.filter((r) => r.payload.text !== [...`MESSAGE ${r.conversation_id.slice('cluster_'.length)}`].reverse().join('')).length
  return {
    lost: sent.filter((id) => !counts.has(id)).length,
    duplicated: [...counts.values()].filter((n) => n > 1).length,
    wrong,
    total: results.length,
  }
}

/** Chunks of one document XADDed to the coordinator's stream. */
export async function sendChunks(cluster: Cluster, docId: string, count: number): Promise<void> {
  const pipeline = cluster.pipeline()
  for (let i = 1; i <= count; i++) pipeline.xadd(DOC_TASKS, '*', 'doc_id', docId, 'chunk_id', `c${i}`, 'text', `Chunk ${i} of ${docId}.`)
  await pipeline.exec()
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
