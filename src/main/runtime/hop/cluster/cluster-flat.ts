// A flat-field hop (seed 000) on a Cluster: every output once (a marker in its slot), then the XACK.
import type { Cluster } from 'ioredis'
import { recordToFlat, type ReceivedEntry } from '../../reader/stream-entry'
import type { FlatOutput } from '../flat-outputs'
import { deadLetterOnCluster } from './cluster-dead-letter'
import { deliverOnce } from './cluster-hop'
import { ACKED_MARKER_TTL_MS, deliveredMarker } from './markers'
import { stillPending } from './slot-commands'

/** The first output that is not a stream (or absent), with its type. */
async function firstWrongOutput(cluster: Cluster, outputs: FlatOutput[]): Promise<{ stream: string; type: string } | null> {
  const types = await Promise.all(outputs.map((out) => cluster.type(out.stream)))
  const at = types.findIndex((type) => type !== 'none' && type !== 'stream')
  return at < 0 ? null : { stream: outputs[at]!.stream, type: types[at]! }
}

/**
 * Same outcomes as the single-server flat script: every output must be a
 * stream before anything is written, else the entry is dead-lettered with the
 * reason; then each output is delivered exactly once and the entry acked.
 * Answers false when the entry was no longer pending.
 */
export async function flatHopOnCluster(cluster: Cluster, entry: ReceivedEntry, outputs: FlatOutput[], consumer: string): Promise<boolean> {
  if (!(await stillPending(cluster, entry))) return false
  const wrong = await firstWrongOutput(cluster, outputs)
  if (wrong) {
    const reason = `WRONGTYPE: output stream ${wrong.stream} is a ${wrong.type}`
    await deadLetterOnCluster(cluster, { entry, consumer, reason, kind: 'failed', meant: { destination: wrong.stream } })
    return true
  }
  const copies = new Map<string, number>()
  const markers = outputs.map((out) => {
    const copy = copies.get(out.stream) ?? 0
    copies.set(out.stream, copy + 1)
    return deliveredMarker(out.stream, entry, copy)
  })
  const outcomes = await Promise.all(
    outputs.map((out, i) => deliverOnce(cluster, out.stream, markers[i]!, 'stream', recordToFlat(out.fields), out.maxLen ? { maxLen: out.maxLen } : {})),
  )
  const refused = outcomes.findIndex((outcome) => !outcome.delivered)
  if (refused >= 0) {
    // Its type changed since the check: what was delivered stays marked, the entry stays pending and its re-run finishes it.
    throw new Error(`WRONGTYPE: output stream ${outputs[refused]!.stream} changed type during the hop`)
  }
  await cluster.xack(entry.stream, entry.group, entry.id)
  for (const marker of markers) cluster.pexpire(marker, ACKED_MARKER_TTL_MS).catch(() => undefined)
  return true
}
