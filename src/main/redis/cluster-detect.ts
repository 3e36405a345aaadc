import type { Redis } from 'ioredis'

/** Said instead of a bare MOVED: what is missing and what works today. */
export const CLUSTER_UNSUPPORTED =
  'Redis Cluster is not supported yet: a hop writes keys in several slots (CROSSSLOT) and replies would be MOVED. ' +
  'Point REDIS_URL at a single Redis (or a primary with replicas)'

/** Throws when the server is a Cluster node (INFO cluster: cluster_enabled:1); a user who may not run INFO is let through. */
export async function refuseClusterNode(redis: Redis): Promise<void> {
  let info: string
  try {
    info = await redis.info('cluster')
  } catch {
    return
  }
  if (/cluster_enabled:1/.test(info)) throw new Error(`${CLUSTER_UNSUPPORTED} (this server answers cluster_enabled:1)`)
}
