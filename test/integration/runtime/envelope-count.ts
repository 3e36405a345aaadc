import type { Redis } from 'ioredis'
import type { RedisClient } from '../../../src/main/redis/client-type'
import { expect } from 'vitest'
import { ENVELOPE_FIELD } from '@shared/envelope'
import { roleStream } from '@shared/keys'
import { completeEnvelope } from '../../../src/main/runtime'

/** Demo-pipeline requests whose results all land on one list, sent in one pipeline (one key: one slot on a Cluster too); their ids are pushed on `ids`. */
export async function sendDemoRequests(redis: RedisClient, ids: string[], resultList: string, from: number, count: number): Promise<void> {
  const pipeline = redis.pipeline()
  const bodies: string[] = []
  for (let i = from; i < from + count; i++) {
    const envelope = completeEnvelope({ kind: 'role', name: 'manager' }, {
      conversation_id: `chaos_${i}`,
      sender_role: 'external',
      result_list: resultList,
      payload: { text: `message ${i}`, stage: 'start' },
    })
    ids.push(envelope.message_id)
    bodies.push(JSON.stringify(envelope))
    pipeline.xadd(roleStream('manager'), '*', ENVELOPE_FIELD, bodies.at(-1)!)
  }
  const replies = (await pipeline.exec()) ?? []
  // A pipeline answers each command's error instead of throwing (a Cluster client right after a failover may
  // still aim at the dead master): those envelopes are sent again, one by one, as a producer would.
  for (const [index, body] of bodies.entries()) {
    if (replies[index]?.[0]) await redis.xadd(roleStream('manager'), '*', ENVELOPE_FIELD, body)
  }
}

/** The end of every scenario: each sent envelope's result is on the list exactly once, and right. */
export async function expectEachOnce(redis: Redis, sent: string[], resultList: string): Promise<{ lost: number; duplicated: number }> {
  const results = (await redis.lrange(resultList, 0, -1)).map((item) => JSON.parse(item) as { message_id: string; conversation_id: string; payload: { text: string } })
  const counts = new Map<string, number>()
  for (const r of results) counts.set(r.message_id, (counts.get(r.message_id) ?? 0) + 1)
  const lost = sent.filter((id) => !counts.has(id)).length
  const duplicated = [...counts.values()].filter((n) => n > 1).length
  expect({ lost, duplicated, total: results.length }).toEqual({ lost: 0, duplicated: 0, total: sent.length })
  for (const r of results) expect(r.payload.text).toBe([...`MESSAGE ${r.conversation_id.slice('chaos_'.length)}`].reverse().join(''))
  return { lost, duplicated }
}
