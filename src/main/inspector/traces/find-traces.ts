import type { Redis } from 'ioredis'
import type { RequestArgs, Trace, TraceHop } from '../../../shared/api'
import { journalFields } from '../../../shared/records'
import { decodeEnvelope } from '../entries/decode-entry'
import { readConversationMessages, readJournal } from '../runtime-port'
import { diffJson } from './json-diff'

/** A conversation lookup returns at most this many traces. */
export const TRACES_PER_CONVERSATION_MAX = 200

/** One message's hops from the journal, in order, each diffed against the hop before. */
export async function readTrace(redis: Redis, messageId: string): Promise<Trace | null> {
  const rows = await readJournal(redis, messageId)
  const hops: TraceHop[] = []
  for (const { entryId, fields } of rows) {
    const decoded = decodeEnvelope(fields[journalFields.envelope])
    if (!decoded?.envelope) continue // a hop whose envelope does not decode cannot be diffed
    const previous = hops.at(-1)?.envelope
    hops.push({
      index: hops.length,
      entryId,
      ts: Number(fields[journalFields.ts] ?? 0),
      role: fields[journalFields.role] ?? '',
      agentId: fields[journalFields.agentId] ?? '',
      destination: fields[journalFields.destination] ?? '',
      envelope: decoded.envelope,
      diff: previous ? diffJson(previous, decoded.envelope) : [],
    })
  }
  const last = hops.at(-1)
  if (!last) return null
  return {
    messageId,
    conversationId: last.envelope.conversation_id,
    hops,
    complete: last.destination === last.envelope.result_list || last.destination.startsWith('result:'),
  }
}

export async function findTraces(redis: Redis, args: RequestArgs<'traces.find'>): Promise<Trace[]> {
  const messageIds = args.messageId
    ? [args.messageId]
    : (await readConversationMessages(redis, args.conversationId ?? '')).slice(0, TRACES_PER_CONVERSATION_MAX)
  const traces = await Promise.all(messageIds.map((id) => readTrace(redis, id)))
  return traces.filter((t): t is Trace => t !== null)
}
