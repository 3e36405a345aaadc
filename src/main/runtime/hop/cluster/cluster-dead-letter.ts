// A dead letter on a Cluster: the copy in the dead-letter stream's slot (once, by marker), then the XACK.
import type { Cluster } from 'ioredis'
import { deadLetterFields } from '@shared/records'
import { recordToFlat, type ReceivedEntry } from '../../reader/stream-entry'
import { deadLetterTarget, type DeadLetterKind } from '../dead-letter'
import { runtimeEvents } from '../../stats/hop-events'
import { CLUSTER_DEAD_LETTER_LUA } from './cluster-lua'
import { deadLetteredMarker, MARKER_TTL_SEC } from './markers'
import { entryBytes, evalInSlot, luaScript, replicated, type SlotArg } from './slot-commands'

const DEAD_LETTER_SCRIPT = luaScript(CLUSTER_DEAD_LETTER_LUA)
const f = deadLetterFields

export interface ClusterDeadLetter {
  entry: ReceivedEntry
  consumer: string
  reason: string
  kind: DeadLetterKind
  /** What a hop that could not deliver meant to write: dlq_destination and dlq_envelope_out. */
  meant?: { destination: string; envelope?: string }
}

/**
 * Copies the entry (its bytes as Redis holds them; the decoded fields if it
 * was trimmed meanwhile) with the reason into its dead-letter stream, exactly
 * once (marker in that stream's slot), waits for a replica, then XACKs the
 * source. A crash in between leaves the entry pending; the re-run copies nothing twice.
 */
export async function deadLetterOnCluster(cluster: Cluster, letter: ClusterDeadLetter): Promise<void> {
  const { entry } = letter
  runtimeEvents.deadLetter(entry.stream)
  const target = deadLetterTarget(letter.kind, entry.stream)
  const body: SlotArg[] = (await entryBytes(cluster, entry.stream, entry.id)) ?? recordToFlat(entry.fields)
  const meta: SlotArg[] = [
    f.reason, letter.reason, f.sourceStream, entry.stream, f.sourceId, entry.id,
    f.group, entry.group, f.consumer, letter.consumer, f.deliveries, String(entry.deliveries), f.ts, String(Date.now() / 1000),
  ]
  if (letter.meant) meta.push(f.destination, letter.meant.destination)
  if (letter.meant?.envelope !== undefined) meta.push(f.envelopeOut, letter.meant.envelope)
  const marker = deadLetteredMarker(target.key, entry)
  await evalInSlot(cluster, DEAD_LETTER_SCRIPT, [target.key, marker], [MARKER_TTL_SEC, target.maxLen, target.maxBytes, meta.length, ...meta, ...body])
  await replicated(cluster, target.key)
  await cluster.xack(entry.stream, entry.group, entry.id)
}
