import type { StreamEntry } from '@shared/api'
import { resultListOf } from '@shared/envelope'
import { journalFields } from '@shared/records'
import { idTimeMs } from '../../components/operator/format'

export type TraceOutcome = 'done' | 'error' | 'violation' | 'in flight'

/** One message as the journal's newest entries show it. */
export interface RecentTrace {
  messageId: string
  conversationId: string
  /** Role of its newest hop. */
  lastRole: string
  /** Hops of it among the entries read. */
  hops: number
  /** ms of its newest hop. */
  lastMs: number
  outcome: TraceOutcome
}

/**
 * Groups journal entries (newest first) by message; the newest hop decides
 * the outcome: a violation or an error in its trace entry, a result list as
 * its destination (done), or still on its way. Pure.
 */
export function summarizeJournal(entries: StreamEntry[]): RecentTrace[] {
  const byMessage = new Map<string, RecentTrace>()
  for (const entry of entries) {
    const messageId = entry.fields[journalFields.messageId] ?? entry.envelope?.message_id
    if (!messageId) continue
    const known = byMessage.get(messageId)
    if (known) {
      known.hops += 1
      continue
    }
    const env = entry.envelope
    const own = env?.trace[env.trace.length - 1]
    const destination = entry.fields[journalFields.destination] ?? ''
    const outcome: TraceOutcome = own?.safety_violation
      ? 'violation'
      : own?.error
        ? 'error'
        : env && (destination === resultListOf(env) || destination.startsWith('result:'))
          ? 'done'
          : 'in flight'
    byMessage.set(messageId, {
      messageId,
      conversationId: entry.fields[journalFields.conversationId] ?? env?.conversation_id ?? '',
      lastRole: entry.fields[journalFields.role] ?? '',
      hops: 1,
      lastMs: idTimeMs(entry.id),
      outcome,
    })
  }
  return [...byMessage.values()]
}

/** Keeps traces whose message id or conversation id starts with the text (case-insensitive), and by outcome. */
export function searchRecent(traces: RecentTrace[], text: string, outcome: TraceOutcome | 'all' = 'all'): RecentTrace[] {
  const needle = text.trim().toLowerCase()
  return traces.filter(
    (t) =>
      (outcome === 'all' || t.outcome === outcome) &&
      (!needle || t.messageId.toLowerCase().startsWith(needle) || t.conversationId.toLowerCase().startsWith(needle)),
  )
}
