import type { RedisClient } from '../../redis/client-type'
import type { RequestArgs, Trace, TraceHop } from '@shared/api'
import { journalFields } from '@shared/records'
import { decodeEnvelope } from '../entries/decode-entry'
import { readConversationMessages, readJournal } from '../runtime-port'
import { resultListOf, type Envelope } from '@shared/envelope'
import { withRebuiltHops } from './rebuild-hops'

/** A conversation lookup returns at most this many traces. */
export const TRACES_PER_CONVERSATION_MAX = 200

/** Result-list entries looked at for the final envelope (the caller usually took it already). */
export const RESULT_PEEK = 5

/** The message's envelope still on its result list, if the caller has not taken it yet. */
async function resultEnvelope(redis: RedisClient, list: string, messageId: string): Promise<Envelope | null> {
  const items = await redis.lrange(list, 0, RESULT_PEEK - 1).catch(() => [] as string[])
  for (const item of items) {
    const envelope = decodeEnvelope(item)?.envelope
    if (envelope?.message_id === messageId) return envelope
  }
  return null
}

/**
 * One message's hops from the journal, in order, each diffed against the hop before, with the hops
 * of agents that keep no journal rebuilt from the envelopes' own trace entries (rebuild-hops.ts).
 */
export async function readTrace(redis: RedisClient, messageId: string): Promise<Trace | null> {
  const rows = await readJournal(redis, messageId)
  const journaled: TraceHop[] = []
  for (const { entryId, fields } of rows) {
    const decoded = decodeEnvelope(fields[journalFields.envelope])
    if (!decoded?.envelope) continue // a hop whose envelope does not decode cannot be diffed
    journaled.push({
      index: journaled.length,
      entryId,
      ts: Number(fields[journalFields.ts] ?? 0),
      role: fields[journalFields.role] ?? '',
      agentId: fields[journalFields.agentId] ?? '',
      destination: fields[journalFields.destination] ?? '',
      envelope: decoded.envelope,
      diff: [],
    })
  }
  const lastJournaled = journaled.at(-1)
  if (!lastJournaled) return null
  const toList = (hop: TraceHop): boolean => hop.destination === resultListOf(hop.envelope) || hop.destination.startsWith('result:')
  const result = toList(lastJournaled) ? null : await resultEnvelope(redis, resultListOf(lastJournaled.envelope), messageId)
  const hops = withRebuiltHops(journaled, result)
  const last = hops.at(-1) ?? lastJournaled
  return {
    messageId,
    conversationId: last.envelope.conversation_id,
    hops,
    complete: toList(lastJournaled) || result !== null,
  }
}

export async function findTraces(redis: RedisClient, args: RequestArgs<'traces.find'>): Promise<Trace[]> {
  const messageIds = args.messageId
    ? [args.messageId]
    : (await readConversationMessages(redis, args.conversationId ?? '')).slice(0, TRACES_PER_CONVERSATION_MAX)
  const traces = await Promise.all(messageIds.map((id) => readTrace(redis, id)))
  return traces.filter((t): t is Trace => t !== null)
}
