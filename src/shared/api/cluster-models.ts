import { z } from 'zod'

/** One node of a Redis Cluster as CLUSTER NODES describes it (the Connection screen's table). */
export const clusterNodeSchema = z.object({
  /** The node's 40-character cluster id. */
  id: z.string(),
  /** host:port clients reach it on. */
  address: z.string(),
  role: z.enum(['master', 'replica']),
  /** The address of the master a replica follows; null for a master (or a replica whose master is unknown). */
  replicaOf: z.string().nullable(),
  /** Slot ranges it serves, inclusive: [[0, 5460]]; empty for a replica. */
  slots: z.array(z.tuple([z.number().int(), z.number().int()])),
  /** Not flagged fail / fail? and its cluster link is up, as the answering node sees it. */
  reachable: z.boolean(),
  /** CLUSTER NODES flags without master/slave: myself, fail, fail?, handshake, noaddr, nofailover. */
  flags: z.array(z.string()),
})
export type ClusterNodeInfo = z.infer<typeof clusterNodeSchema>

export const clusterNodesSchema = z.object({
  /** False for a single Redis: `nodes` is then empty. */
  cluster: z.boolean(),
  nodes: z.array(clusterNodeSchema),
  /** Why the nodes could not be read (the node refused CLUSTER NODES, none answered); null when read. */
  error: z.string().nullable(),
})
export type ClusterNodes = z.infer<typeof clusterNodesSchema>
