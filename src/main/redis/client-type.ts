// One name for "a connection to Redis": a single server or a Cluster.
import type { Cluster, Redis } from 'ioredis'

/** A single Redis, or an ioredis Cluster (which routes each key's command to the master that owns its slot). */
export type RedisClient = Redis | Cluster

export function isCluster(client: RedisClient): client is Cluster {
  return client.isCluster
}

/** Where a SCAN must run to see every key: the one server, or every master of the Cluster. */
export function mastersOf(client: RedisClient): Redis[] {
  return isCluster(client) ? client.nodes('master') : [client]
}
