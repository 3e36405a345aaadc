import type { RedisClient } from '../../redis/client-type'
import { HandlerError } from '@shared/result'
import { withRedisErrors } from '../redis-errors'
import { flatToRecord } from '../redis-reply'

/**
 * XACK and XPENDING answer 0/empty for a group that does not exist; an operator
 * who mistyped the name should hear so instead.
 */
export async function requireGroup(redis: RedisClient, stream: string, group: string): Promise<void> {
  const groups = await withRedisErrors({ stream, group }, () => redis.xinfo('GROUPS', stream))
  const names = Array.isArray(groups) ? groups.map((g) => String(flatToRecord(g).name)) : []
  if (!names.includes(group)) throw new HandlerError('not_found', `group ${group} does not exist on stream ${stream}`)
}
