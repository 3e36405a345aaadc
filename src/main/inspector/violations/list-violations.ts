import type { RedisClient } from '../../redis/client-type'
import type { RequestArgs, ResponseOf } from '@shared/api'
import { VIOLATIONS_STREAM } from '@shared/keys'
import { parseViolation } from './parse-violation'

/** Newest first, before an exclusive id cursor; counts are over the returned page. */
export async function listViolations(
  redis: RedisClient,
  args: RequestArgs<'violations.list'>,
): Promise<ResponseOf<'violations.list'>> {
  const end = args.before ? `(${args.before}` : '+'
  const rows = await redis.xrevrange(VIOLATIONS_STREAM, end, '-', 'COUNT', args.count)
  const violations = rows.flatMap(([id, raw]) => parseViolation(id, raw) ?? [])
  const countsByKind: Record<string, number> = {}
  const countsByRole: Record<string, number> = {}
  for (const v of violations) {
    countsByKind[v.kind] = (countsByKind[v.kind] ?? 0) + 1
    countsByRole[v.role] = (countsByRole[v.role] ?? 0) + 1
  }
  return { violations, countsByKind, countsByRole }
}
