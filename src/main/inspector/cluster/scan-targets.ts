import type { Cluster, Redis } from 'ioredis'
import { isCluster, type RedisClient } from '../../redis/client-type'
import { CLUSTER_SLOTS } from '../../redis/key-slot'

const nodeKey = (node: Redis): string => `${node.options.host}:${node.options.port}`

/** The connection to each master the slot table names, and the slots whose master has none. */
function resolve(cluster: Cluster): { masters: Redis[]; orphanSlots: number } {
  const pool = new Map(cluster.nodes('all').map((node) => [nodeKey(node), node]))
  const masters = new Map<string, Redis>()
  let orphanSlots = 0
  for (let slot = 0; slot < CLUSTER_SLOTS; slot++) {
    const owner = cluster.slots[slot]?.[0]
    const node = owner ? pool.get(owner) : undefined
    if (owner && node && node.status !== 'end') masters.set(owner, node)
    else orphanSlots += 1
  }
  return { masters: [...masters.values()], orphanSlots }
}

const refreshed = (cluster: Cluster): Promise<void> =>
  new Promise((resolveRefresh) => cluster.refreshSlotsCache(() => resolveRefresh()))

/**
 * Where a SCAN must run to see every key: the one server, or the master of
 * every slot. Right after a failover the client may still hold the dead
 * master (or the promoted replica as a replica): the slot table is read
 * again once, and if some slots still have no reachable master the scan
 * fails with that reason instead of silently leaving their keys out.
 */
export async function scanTargets(client: RedisClient): Promise<Redis[]> {
  if (!isCluster(client)) return [client]
  let found = resolve(client)
  if (found.orphanSlots > 0) {
    await refreshed(client)
    found = resolve(client)
  }
  if (found.orphanSlots > 0) {
    throw new Error(`${found.orphanSlots} of the Cluster's ${CLUSTER_SLOTS} slots have no reachable master (a failover under way?): their keys cannot be listed now`)
  }
  return found.masters
}
