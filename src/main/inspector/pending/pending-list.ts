import type { Redis } from 'ioredis'
import type { PendingEntry, PendingPage, RequestArgs } from '../../../shared/api'
import type { Envelope } from '../../../shared/envelope'
import { decodeEntry, type RawEntry } from '../entries/decode-entry'
import { pipelineValues, withRedisErrors } from '../redis-errors'
import { asNumber } from '../redis-reply'

type PendingRow = [id: string, consumer: string, idleMs: number, deliveries: number]
type PendingSummary = [total: number, minId: string | null, maxId: string | null, consumers: Array<[string, string]> | null]

function describe(envelope: Envelope | undefined): Pick<PendingEntry, 'role' | 'stage' | 'lastHop'> {
  if (!envelope) return { role: null, stage: null, lastHop: null }
  const stage = envelope.payload.stage
  const hop = envelope.trace.at(-1)
  return {
    role: envelope.target_role,
    stage: typeof stage === 'string' ? stage : null,
    lastHop: hop ? `${hop.role}/${hop.agent_id}` : null,
  }
}

/**
 * A page of a group's pending entries (optionally one consumer's), idle at
 * least minIdleMs, after an exclusive id cursor; each with its body, read in
 * one pipeline. Total and per-consumer counts come from the XPENDING summary.
 */
export async function listPending(redis: Redis, args: RequestArgs<'pending.list'>): Promise<PendingPage> {
  const { stream, group, consumer, minIdleMs, after, count } = args
  const start = after ? `(${after}` : '-'
  const first = redis.pipeline().xpending(stream, group)
  if (consumer) first.xpending(stream, group, 'IDLE', minIdleMs, start, '+', count + 1, consumer)
  else first.xpending(stream, group, 'IDLE', minIdleMs, start, '+', count + 1)
  const [summary, rowsAll] = await withRedisErrors({ stream, group }, async () =>
    pipelineValues(await first.exec(), { stream, group }),
  ) as [PendingSummary, PendingRow[]]
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
    consumers: (summary[3] ?? []).map(([name, pending]) => ({ name, pending: asNumber(pending) ?? 0 })),
    entries,
    nextCursor: rowsAll.length > count ? (rows.at(-1)?.[0] ?? null) : null,
  }
}
