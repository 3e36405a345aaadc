// Creating a role's consumer group (and its stream) once, at the start.
import type { RedisClient } from '../../redis/client-type'

/**
 * XGROUP CREATE with MKSTREAM, by default at 0: entries added before the first
 * agent of the role started are served too.
 */
export async function ensureGroup(redis: RedisClient, stream: string, group: string, startId = '0'): Promise<void> {
  try {
    await redis.xgroup('CREATE', stream, group, startId, 'MKSTREAM')
  } catch (error) {
    if (!(error instanceof Error && error.message.startsWith('BUSYGROUP'))) throw error
  }
}

/** Every group of the specs on each of its streams. */
export async function ensureGroups(redis: RedisClient, specs: Array<{ group: string; streams: string[] }>, startId = '0'): Promise<void> {
  for (const spec of specs) {
    for (const stream of spec.streams) await ensureGroup(redis, stream, spec.group, startId)
  }
}
