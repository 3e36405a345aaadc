import type { ChainableCommander } from 'ioredis'
import { isCluster, type RedisClient } from '../../redis/client-type'
import { keySlot } from '../../redis/key-slot'

/** One command of a batch and the key that decides where it runs. */
export interface KeyedCommand {
  key: string | Buffer
  /** Adds exactly one command to the pipeline or transaction. */
  add: (pipe: ChainableCommander) => void
}

export type BatchReplies = Array<[Error | null, unknown]>

/** Where a key's commands go on a Cluster: the master that owns its slot now, else the slot itself. */
function ownerOf(client: RedisClient, key: string | Buffer): string {
  const slot = keySlot(key)
  if (!isCluster(client)) return 'single'
  return client.slots[slot]?.[0] ?? `slot:${slot}`
}

function groupByOwner(client: RedisClient, commands: readonly KeyedCommand[]): number[][] {
  const groups = new Map<string, number[]>()
  commands.forEach((command, i) => {
    const owner = ownerOf(client, command.key)
    const group = groups.get(owner) ?? []
    group.push(i)
    groups.set(owner, group)
  })
  return [...groups.values()]
}

/**
 * A pipeline of commands on many keys. A single Redis takes them in one
 * round trip; a Cluster pipeline must stay on one node, so the commands are
 * grouped by the master that owns their slot, one pipeline each, sent at
 * once. The replies come back in the order the commands were given.
 */
export async function execKeyed(client: RedisClient, commands: readonly KeyedCommand[]): Promise<BatchReplies> {
  if (commands.length === 0) return []
  const replies: BatchReplies = new Array(commands.length)
  await Promise.all(
    groupByOwner(client, commands).map(async (indexes) => {
      const pipe = client.pipeline()
      for (const i of indexes) commands[i]?.add(pipe)
      const answered = (await pipe.exec()) ?? []
      indexes.forEach((at, j) => (replies[at] = answered[j] ?? [new Error('no reply'), null]))
    }),
  )
  return replies
}

/**
 * Writes that must happen in their order and, where Redis allows it, at
 * once. A single Redis runs them all in one MULTI. On a Cluster a MULTI may
 * not cross slots, so each run of consecutive commands on one slot is its
 * own MULTI, run one after the other: callers order their steps so that an
 * interruption between two runs loses nothing (copy first, acknowledge after).
 * Null when a transaction was aborted.
 */
export async function execOrdered(client: RedisClient, steps: readonly KeyedCommand[]): Promise<BatchReplies | null> {
  const runs: KeyedCommand[][] = []
  for (const step of steps) {
    const last = runs.at(-1)
    if (last && (!isCluster(client) || keySlot(last[0]!.key) === keySlot(step.key))) last.push(step)
    else runs.push([step])
  }
  const replies: BatchReplies = []
  for (const run of runs) {
    const tx = client.multi()
    for (const step of run) step.add(tx)
    const answered = await tx.exec()
    if (!answered) return null
    replies.push(...answered)
    if (answered.some(([error]) => error)) break // later runs must not run after a failed one
  }
  return replies
}
