import type { Redis } from 'ioredis'
import type { RecentResults, RequestArgs } from '../../../shared/api'
import { JOURNAL_STREAM } from '../../../shared/keys'
import { journalFields } from '../../../shared/records'
import { fieldsToRecord } from '../redis-reply'

/** Journal entries looked through for the newest results: the tail, never the whole journal. */
export const RESULTS_JOURNAL_SAMPLE = 1_000
/** SCAN rounds spent counting result lists; past them the count is a lower bound. */
export const RESULT_SCAN_ROUNDS = 50
const SCAN_COUNT = 1_000

/**
 * The result lists (one per message: `result:{message_id}`), counted with a
 * bounded SCAN, and the newest results from the journal's last hops.
 */
export async function recentResults(redis: Redis, args: RequestArgs<'results.recent'>): Promise<RecentResults> {
  let cursor = '0'
  let lists = 0
  let rounds = 0
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', 'result:*', 'COUNT', SCAN_COUNT, 'TYPE', 'list')
    cursor = next
    lists += keys.length
    rounds += 1
  } while (cursor !== '0' && rounds < RESULT_SCAN_ROUNDS)

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
  return { lists, complete: cursor === '0', recent }
}
