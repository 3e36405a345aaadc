import type { ChainableCommander } from 'ioredis'
import type { RedisClient } from '../../redis/client-type'
import type { DeadLetter, RequestArgs } from '@shared/api'
import { DEAD_LETTER_PREFIXES, deadLetterStream, undecodableStream } from '@shared/keys'
import { deadLetterFields } from '@shared/records'
import { pipelineValues } from '../redis-errors'
import { fieldsFromBytes } from '../entries/binary-fields'
import { scanStreams } from '../topology/scan-streams'
import { execKeyed } from '../cluster/keyed-batch'

/** At most this many dead-letter streams are read in one listing. */
export const DEAD_LETTER_STREAMS_MAX = 1_000

/** Seconds since the epoch; tolerates a ts written in ms, falls back to the entry id's time. */
function secondsOf(raw: string | undefined, id: string): number {
  const value = Number(raw)
  if (raw && Number.isFinite(value)) return value > 1e11 ? value / 1000 : value
  return Number(id.split('-')[0]) / 1000
}

function toDeadLetter(dlq: string, idBytes: Buffer, raw: Buffer[]): DeadLetter {
  const { fields, ...marks } = fieldsFromBytes(raw)
  const id = idBytes.toString('latin1')
  return {
    ...marks,
    id,
    deadLetterStream: dlq,
    sourceStream: fields[deadLetterFields.sourceStream] ?? dlq.slice(DEAD_LETTER_PREFIXES.find((p) => dlq.startsWith(p))?.length ?? 0),
    sourceId: fields[deadLetterFields.sourceId] ?? null,
    group: fields[deadLetterFields.group] ?? null,
    reason: fields[deadLetterFields.reason] ?? '',
    ts: secondsOf(fields[deadLetterFields.ts], id),
    fields,
  }
}

/** Newest first, across all dead-letter streams or those of one source stream. */
export async function listDeadLetters(redis: RedisClient, args: RequestArgs<'deadLetters.list'>): Promise<DeadLetter[]> {
  // Both kinds: failed work (replayable) and undecodable input.
  const keys = args.sourceStream
    ? [deadLetterStream(args.sourceStream), undecodableStream(args.sourceStream)]
    : (
        await Promise.all(DEAD_LETTER_PREFIXES.map((prefix) => scanStreams(redis, { match: `${prefix}*`, max: DEAD_LETTER_STREAMS_MAX })))
      ).flatMap((scan) => scan.keys)
  // Keyed: on a Cluster each dead-letter stream is read on the master that owns it.
  const read = keys.map((key) => ({ key, add: (p: ChainableCommander) => p.xrevrangeBuffer(key, '+', '-', 'COUNT', args.count) }))
  const pages = pipelineValues(await execKeyed(redis, read)) as Array<Array<[Buffer, Buffer[]]>>
  const all = keys.flatMap((key, i) => (pages[i] ?? []).map(([id, raw]) => toDeadLetter(key, id, raw)))
  return all.sort((a, b) => b.ts - a.ts).slice(0, args.count)
}
