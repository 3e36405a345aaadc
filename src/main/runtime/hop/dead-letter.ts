import { deadLetterStream } from '../../../shared/keys'
import { deadLetterFields } from '../../../shared/records'
import { recordToFlat, type ReceivedEntry } from '../reader/stream-entry'
import type { CommandSink } from './transaction'
import { runtimeEvents } from '../stats/hop-events'

/** Approximate cap of each dead-letter stream. */
export const DEAD_LETTER_MAXLEN = 10_000

/**
 * Queues, inside the caller's MULTI, the entry's original fields plus the
 * reason on the source stream's dead-letter stream (the caller adds the XACK).
 */
export function addDeadLetter(tx: CommandSink, entry: ReceivedEntry, consumer: string, reason: string): void {
  runtimeEvents.deadLetter(entry.stream)
  const f = deadLetterFields
  const meta: Record<string, string> = {
    [f.reason]: reason,
    [f.sourceStream]: entry.stream,
    [f.sourceId]: entry.id,
    [f.group]: entry.group,
    [f.consumer]: consumer,
    [f.deliveries]: String(entry.deliveries),
    [f.ts]: String(Date.now() / 1000),
  }
  tx.call('XADD', [
    deadLetterStream(entry.stream),
    'MAXLEN',
    '~',
    DEAD_LETTER_MAXLEN,
    '*',
    ...recordToFlat(meta),
    ...recordToFlat(entry.fields),
  ])
}
