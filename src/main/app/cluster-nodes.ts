import type { ClusterNodeInfo, ClusterNodes } from '@shared/api'
import { isCluster, type RedisClient } from '../redis/client-type'
import { isNoPermission, noPermissionSentence } from '../redis/acl-errors'

/** Flags that mean the node cannot be reached (by the node that answered). */
const DOWN_FLAGS = new Set(['fail', 'fail?', 'handshake', 'noaddr'])

/**
 * One line of CLUSTER NODES:
 * `<id> <ip:port@cport[,hostname]> <flags> <master id|-> <ping-sent> <pong-recv> <epoch> <link-state> <slot> <slot>…`
 * Slots are `n` or `from-to`; `[n->-id]` / `[n-<-id]` (a migration under way) are left out.
 */
function parseLine(line: string): (ClusterNodeInfo & { masterId: string | null }) | null {
  const [id, endpoint, flagText, masterId, , , , link, ...slotTexts] = line.trim().split(/\s+/)
  if (!id || !endpoint || !flagText || !link) return null
  const flags = flagText.split(',')
  const slots: Array<[number, number]> = []
  for (const text of slotTexts) {
    if (text.startsWith('[')) continue
    const [from, to] = text.split('-').map(Number)
    if (from !== undefined && Number.isInteger(from)) slots.push([from, to !== undefined && Number.isInteger(to) ? to : from])
  }
  return {
    id,
    address: endpoint.split('@')[0] ?? endpoint,
    role: flags.includes('master') ? 'master' : 'replica',
    masterId: masterId && masterId !== '-' ? masterId : null,
    replicaOf: null,
    slots: slots.sort((a, b) => a[0] - b[0]),
    reachable: link === 'connected' && !flags.some((f) => DOWN_FLAGS.has(f)),
    flags: flags.filter((f) => f !== 'master' && f !== 'slave' && f !== 'noflags'),
  }
}

/** CLUSTER NODES in the contract's words: masters first (by first slot), each replica after its master. */
export function parseClusterNodes(text: string): ClusterNodeInfo[] {
  const parsed = text.split('\n').flatMap((line) => parseLine(line) ?? [])
  const byId = new Map(parsed.map((node) => [node.id, node]))
  const nodes = parsed.map(({ masterId, ...node }) => ({ ...node, replicaOf: masterId ? (byId.get(masterId)?.address ?? null) : null }))
  const masters = nodes.filter((n) => n.role === 'master').sort((a, b) => (a.slots[0]?.[0] ?? 1e9) - (b.slots[0]?.[0] ?? 1e9))
  const ordered = masters.flatMap((m) => [m, ...nodes.filter((n) => n.replicaOf === m.address)])
  return [...ordered, ...nodes.filter((n) => !ordered.includes(n))]
}

/** The Cluster's nodes as one of them sees them; a single Redis answers `cluster: false`. */
export async function readClusterNodes(client: RedisClient | null): Promise<ClusterNodes> {
  if (!client || !isCluster(client)) return { cluster: false, nodes: [], error: null }
  try {
    const text = String(await client.call('CLUSTER', 'NODES'))
    return { cluster: true, nodes: parseClusterNodes(text), error: null }
  } catch (error) {
    const why = isNoPermission(error) ? noPermissionSentence(error, 'CLUSTER NODES') : error instanceof Error ? error.message : String(error)
    return { cluster: true, nodes: [], error: why }
  }
}
