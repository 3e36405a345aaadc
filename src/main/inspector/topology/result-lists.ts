import type { Redis } from 'ioredis'
import type { RedisClient } from '../../redis/client-type'
import { scanTargets } from '../cluster/scan-targets'

/** SCAN calls one count may spend on each server; beyond them the count is an estimate. */
export const RESULT_SCAN_CALLS = 5
const SCAN_COUNT = 1_000

export interface ResultListCount {
  count: number
  /** The SCAN did not finish within its calls: count extrapolated from the share of the keyspace seen. */
  estimated: boolean
}

async function countOn(node: Redis): Promise<ResultListCount> {
  let cursor = '0'
  let found = 0
  let calls = 0
  do {
    const [next, keys] = await node.scan(cursor, 'MATCH', 'result:*', 'COUNT', SCAN_COUNT, 'TYPE', 'list')
    cursor = next
    found += keys.length
    calls += 1
  } while (cursor !== '0' && calls < RESULT_SCAN_CALLS)
  if (cursor === '0') return { count: found, estimated: false }
  const size = await node.dbsize()
  return { count: Math.round((found * size) / Math.max(calls * SCAN_COUNT, 1)), estimated: true }
}

/**
 * Counts `result:*` lists with a capped SCAN (TYPE list) on each server that
 * holds keys (every master of a Cluster). An unfinished scan is extrapolated
 * to that server's keyspace by DBSIZE: a labelled estimate, cheap at any size.
 */
export async function countResultLists(redis: RedisClient): Promise<ResultListCount> {
  const counts = await Promise.all((await scanTargets(redis)).map(countOn))
  return {
    count: counts.reduce((sum, c) => sum + c.count, 0),
    estimated: counts.some((c) => c.estimated),
  }
}
