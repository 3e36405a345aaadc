// One claim sweep of a stream's stalled entries, with the dead letter for those delivered too often.
import type { RedisClient } from '../../redis/client-type'
import { sweeperLock } from '@shared/keys'
import { addDeadLetter } from '../hop/dead-letter'
import { execTransaction, Transaction } from '../hop/transaction'
import { CLAIM_BATCH } from '../../redis/stream-fields'
import { isCluster } from '../../redis/client-type'
import { sweepWritesOnCluster } from '../hop/cluster/cluster-sweeps'
import { parseEntryList, parseReadReply, type ReceivedEntry } from '../reader/stream-entry'


export interface SweepOutcome {
  claimed: ReceivedEntry[]
  deadLettered: number
}

/**
 * One sweeper at a time per (stream, group): takes the lock with SET NX PX,
 * XAUTOCLAIMs entries idle longer than claimIdleMs to `consumer`, sends those
 * delivered more than maxDeliveries times to the dead-letter stream, and
 * hands back the rest for the consumer to process.
 */
export async function sweepStalled(
  redis: RedisClient,
  input: { stream: string; group: string },
  consumer: string,
  options: { claimIdleMs: number; maxDeliveries: number; lockMs: number },
): Promise<SweepOutcome> {
  const lock = sweeperLock(input.stream, input.group)
  // The lock only expires (never released early), so its value is just who holds it, for an operator reading it.
  const got = await redis.set(lock, consumer, 'PX', options.lockMs, 'NX')
  if (got !== 'OK') return { claimed: [], deadLettered: 0 }
  const reply = (await redis.callBuffer('XAUTOCLAIM', [
    input.stream, input.group, consumer, options.claimIdleMs, '0-0', 'COUNT', CLAIM_BATCH,
  ])) as unknown[]
  const { entries, deletedIds } = parseEntryList(reply[1], input.stream, input.group)
  const deleted = Array.isArray(reply[2]) ? reply[2].map((id) => String(id)) : deletedIds
  const tx = new Transaction()
  // Trimmed while pending: nothing left to process, stop tracking them.
  for (const id of deleted) tx.xack(input.stream, input.group, id)
  const exhausted: Array<{ entry: ReceivedEntry; reason: string }> = []
  const claimed: ReceivedEntry[] = []
  if (entries.length > 0) {
    const first = entries[0]?.id ?? '-'
    const last = entries[entries.length - 1]?.id ?? '+'
    const pending = (await redis.call('XPENDING', [
      input.stream, input.group, first, last, entries.length + CLAIM_BATCH, consumer,
    ])) as Array<[string, string, number, number]>
    const deliveries = new Map(pending.map((p) => [String(p[0]), Number(p[3])]))
    for (const entry of entries) {
      entry.deliveries = deliveries.get(entry.id) ?? entry.deliveries
      if (entry.deliveries > options.maxDeliveries) {
        const reason = `delivered ${entry.deliveries} times (limit ${options.maxDeliveries}) without being acked`
        exhausted.push({ entry, reason })
      } else {
        claimed.push(entry)
      }
    }
  }
  if (isCluster(redis)) {
    await sweepWritesOnCluster(redis, input, deleted, exhausted, consumer)
    return { claimed, deadLettered: exhausted.length }
  }
  for (const { entry, reason } of exhausted) addDeadLetter(tx, entry, consumer, reason, 'failed')
  if (tx.size > 0) {
    const errors = (await execTransaction(redis, tx)).filter((error) => error !== null)
    if (errors[0]) throw errors[0]
  }
  return { claimed, deadLettered: exhausted.length }
}

/**
 * Entries never delivered from a dead agent's own stream (nobody will read
 * them otherwise): read without blocking into a live consumer of the role.
 */
export async function takeUndelivered(
  redis: RedisClient,
  input: { stream: string; group: string },
  consumer: string,
): Promise<ReceivedEntry[]> {
  const reply = await redis.callBuffer('XREADGROUP', ['GROUP', input.group, consumer, 'COUNT', CLAIM_BATCH, 'STREAMS', input.stream, '>'])
  return parseReadReply(reply, input.group)
}
