// The sweeper's writes on a Cluster: one key (one slot) per command.
import type { Cluster } from 'ioredis'
import type { ReceivedEntry } from '../../reader/stream-entry'
import { EXACT_TRIM_MAX } from '../trim'
import { TRIM_SAFELY_LUA } from '../lua/trim.lua'
import { deadLetterOnCluster } from './cluster-dead-letter'
import { evalInSlot, luaScript } from './slot-commands'

const TRIM_SAFELY = luaScript(TRIM_SAFELY_LUA)

/** trimSafely's script on the stream's own slot (it touches that one key). */
export async function trimSafelyOnCluster(cluster: Cluster, stream: string, maxLen: number): Promise<number> {
  return Number(await evalInSlot(cluster, TRIM_SAFELY, [stream], [maxLen, EXACT_TRIM_MAX]))
}

/** Acks of entries trimmed while pending, and the dead letters of exhausted ones, each in its own slot. */
export async function sweepWritesOnCluster(
  cluster: Cluster,
  input: { stream: string; group: string },
  deletedIds: string[],
  exhausted: Array<{ entry: ReceivedEntry; reason: string }>,
  consumer: string,
): Promise<void> {
  if (deletedIds.length > 0) await cluster.xack(input.stream, input.group, ...deletedIds)
  for (const { entry, reason } of exhausted) await deadLetterOnCluster(cluster, { entry, consumer, reason, kind: 'failed' })
}
