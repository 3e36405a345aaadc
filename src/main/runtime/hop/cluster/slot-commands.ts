// Commands of a Cluster hop that each reach one slot's master: scripts, WAIT on that master, the pending check.
import type { Cluster, Redis } from 'ioredis'
import { luaScript, type LuaScript } from '../transaction'
import { keySlot } from '../../../redis/key-slot'

export type SlotArg = string | number | Buffer

/** How long a delivery waits for a replica of its master to have it (WAIT), so a failover right after cannot lose it. */
export const REPLICA_WAIT_MS = 1_000

/** EVALSHA, loaded by EVAL on NOSCRIPT (a new master after a failover has an empty script cache). */
export async function evalInSlot(cluster: Cluster, script: LuaScript, keys: string[], args: SlotArg[]): Promise<unknown> {
  try {
    return await cluster.evalsha(script.sha, keys.length, ...keys, ...args)
  } catch (error) {
    if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error
    return cluster.eval(script.lua, keys.length, ...keys, ...args)
  }
}

export { luaScript }

/** The connection this Cluster client holds to the master of `key`'s slot, and how many replicas that master has. */
function masterOf(cluster: Cluster, key: string): { node: Redis; replicas: number } | null {
  const owners = cluster.slots[keySlot(key)]
  const masterKey = owners?.[0]
  if (!masterKey) return null
  const node = cluster.nodes('master').find((n) => `${n.options.host}:${n.options.port}` === masterKey)
  return node ? { node, replicas: owners.length - 1 } : null
}

/**
 * Waits until a replica of `key`'s master has every write this client made
 * there (WAIT on the same connection): Redis replicates asynchronously, and a
 * master killed right after acknowledging a delivery would take it with it.
 * A master without replicas has nothing to wait for. Answers whether a replica has it.
 */
export async function replicated(cluster: Cluster, key: string): Promise<boolean> {
  const master = masterOf(cluster, key)
  if (!master || master.replicas === 0) return true
  const acked = await master.node.call('WAIT', [1, REPLICA_WAIT_MS]).catch(() => 0)
  return Number(acked) >= 1
}

/**
 * Whether the entry is still pending in its group (nobody acked it yet): a
 * hop checks right before delivering, so a second instance still running an
 * entry that the first already finished delivers nothing. A group or stream
 * that is gone reads as pending: there is nothing left to protect (as ack_first).
 */
export async function stillPending(cluster: Cluster, source: { stream: string; group: string; id: string }): Promise<boolean> {
  try {
    const rows = await cluster.call('XPENDING', [source.stream, source.group, source.id, source.id, 1])
    return Array.isArray(rows) && rows.length > 0
  } catch (error) {
    if (error instanceof Error && /NOGROUP|no such key/i.test(error.message)) return true
    throw error
  }
}

/** The entry's fields as Redis holds them (bytes), or null when it was trimmed away. */
export async function entryBytes(cluster: Cluster, stream: string, id: string): Promise<Buffer[] | null> {
  const reply = (await cluster.callBuffer('XRANGE', [stream, id, id])) as Array<[Buffer, Buffer[]]> | null
  const body = reply?.[0]?.[1]
  return Array.isArray(body) ? body : null
}
