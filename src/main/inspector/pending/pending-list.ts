import type { RedisClient } from '../../redis/client-type'
import type { PendingEntry, PendingPage, RequestArgs } from '@shared/api'
import type { Envelope } from '@shared/envelope'
import { decodeEntry, type RawEntry } from '../entries/decode-entry'
import { pipelineValues, withRedisErrors } from '../redis-errors'
import { asNumber, flatToRecord } from '../redis-reply'

type PendingRow = [id: string, consumer: string, idleMs: number, deliveries: number]
type PendingSummary = [total: number, minId: string | null, maxId: string | null, consumers: Array<[string, string]> | null]

function describe(envelope: Envelope | undefined): Pick<PendingEntry, 'role' | 'stage' | 'lastHop' | 'messageId'> {
  if (!envelope) return { role: null, stage: null, lastHop: null, messageId: null }
  const stage = envelope.payload.stage
  const hop = envelope.trace.at(-1)
  return {
    role: envelope.target_role,
    stage: typeof stage === 'string' ? stage : null,
    lastHop: hop ? `${hop.role}/${hop.agent_id}` : null,
    messageId: envelope.message_id,
  }
}

/**
 * Every consumer from XINFO CONSUMERS (XPENDING's summary leaves out those
 * with nothing pending, and those are the ones that can be deleted safely).
 */
function consumersOf(infos: unknown[], summary: PendingSummary): PendingPage['consumers'] {
  const byName = new Map<string, PendingPage['consumers'][number]>()
  for (const info of infos) {
    const c = flatToRecord(info)
    const name = String(c.name)
    byName.set(name, { name, pending: asNumber(c.pending) ?? 0, idleMs: asNumber(c.idle) ?? 0 })
  }
  for (const [name, pending] of summary[3] ?? []) {
    if (!byName.has(name)) byName.set(name, { name, pending: asNumber(pending) ?? 0 })
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name))
}

/**
 * A page of a group's pending entries (optionally one consumer's), idle at
 * least minIdleMs, after an exclusive id cursor; each with its body, read in
 * one pipeline. Total and per-consumer counts come from the XPENDING summary.
 */
export async function listPending(redis: RedisClient, args: RequestArgs<'pending.list'>): Promise<PendingPage> {
  const { stream, group, consumer, minIdleMs, after, count } = args
  const start = after ? `(${after}` : '-'
  const first = redis.pipeline().xinfo('CONSUMERS', stream, group).xpending(stream, group)
  if (consumer) first.xpending(stream, group, 'IDLE', minIdleMs, start, '+', count + 1, consumer)
  else first.xpending(stream, group, 'IDLE', minIdleMs, start, '+', count + 1)
  const [consumerInfos, summary, rowsAll] = await withRedisErrors({ stream, group }, async () =>
    pipelineValues(await first.exec(), { stream, group }),
  ) as [unknown[], PendingSummary, PendingRow[]]
  const rows = rowsAll.slice(0, count)

  const bodies = redis.pipeline()
  for (const [id] of rows) bodies.xrange(stream, id, id)
  const found = rows.length ? (pipelineValues(await bodies.exec(), { stream }) as RawEntry[][]) : []

  const entries = rows.map(([id, owner, idleMs, deliveries], i): PendingEntry => {
    const row = found[i]?.[0]
    const entry = row ? decodeEntry(row[0], row[1]) : null
    return { id, consumer: owner, idleMs, deliveries, fields: entry?.fields ?? null, ...describe(entry?.envelope) }
  })
  return {
    stream,
    group,
    total: asNumber(summary[0]) ?? 0,
    consumers: consumersOf(consumerInfos, summary),
    entries,
    nextCursor: rowsAll.length > count ? (rows.at(-1)?.[0] ?? null) : null,
  }
}
