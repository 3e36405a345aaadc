import type { RedisClient } from '../../redis/client-type'
import type { RecentResults, RequestArgs } from '@shared/api'
import { JOURNAL_STREAM } from '@shared/keys'
import { journalFields } from '@shared/records'
import { fieldsToRecord } from '../redis-reply'
import { countResultLists } from '../topology/result-lists'

/** Journal entries looked through for the newest results: the tail, never the whole journal. */
export const RESULTS_JOURNAL_SAMPLE = 1_000

/**
 * The result lists (one per message: `result:{message_id}`), counted as the
 * topology counts them, and the newest results from the journal's last hops.
 */
export async function recentResults(redis: RedisClient, args: RequestArgs<'results.recent'>): Promise<RecentResults> {
  // One way to count them, shared with the topology (a capped SCAN, extrapolated past its cap).
  const { count: lists, estimated } = await countResultLists(redis)

  const rows = await redis.xrevrange(JOURNAL_STREAM, '+', '-', 'COUNT', RESULTS_JOURNAL_SAMPLE)
  const recent: RecentResults['recent'] = []
  for (const [id, raw] of rows) {
    if (recent.length >= args.count) break
    const f = fieldsToRecord(raw)
    const destination = f[journalFields.destination] ?? ''
    if (!destination.startsWith('result:')) continue
    let preview = ''
    let error = false
    try {
      const env = JSON.parse(f[journalFields.envelope] ?? '{}') as { payload?: Record<string, unknown> }
      const payload = env.payload ?? {}
      error = Array.isArray(payload.errors) && payload.errors.length > 0
      preview = JSON.stringify(payload).slice(0, 160)
    } catch {
      preview = '(not JSON)'
    }
    recent.push({ entryId: id, list: destination, messageId: f[journalFields.messageId] ?? '', role: f[journalFields.role] ?? '', preview, error })
  }
  return { lists, complete: !estimated, recent }
}
