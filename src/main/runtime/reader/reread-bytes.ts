// Re-reading an entry as bytes when its text was not valid UTF-8.
import type { RedisClient } from '../../redis/client-type'
import { parseEntryList, type ReceivedEntry } from './stream-entry'

/**
 * Reads are decoded as text (Buffers for every field cost garbage at high
 * rates); bytes that are not UTF-8 then show up as U+FFFD. An entry holding
 * U+FFFD is read again as bytes (XRANGE id id, callBuffer) and decoded
 * strictly, so it is dead-lettered with the exact reason if it is not UTF-8.
 * One gone meanwhile (trimmed) is dead-lettered as such: it cannot be checked.
 */
export async function rereadSuspects(commands: RedisClient, entries: ReceivedEntry[]): Promise<ReceivedEntry[]> {
  if (!entries.some((entry) => entry.suspect)) return entries
  const checked = await Promise.all(
    entries.map(async (entry): Promise<ReceivedEntry | null> => {
      if (!entry.suspect) return entry
      try {
        const raw = await commands.callBuffer('XRANGE', [entry.stream, entry.id, entry.id])
        const [fresh] = parseEntryList(raw, entry.stream, entry.group).entries
        if (fresh) return { ...fresh, deliveries: entry.deliveries }
        return { ...entry, suspect: false, undecodable: 'holds U+FFFD and was trimmed before its bytes could be checked' }
      } catch {
        // Not handled now: it stays pending and the sweeper claims it (reading bytes) after the idle time.
        return null
      }
    }),
  )
  return checked.filter((entry): entry is ReceivedEntry => entry !== null)
}
