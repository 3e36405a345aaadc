// The hop journal: each hop's trace written with it, and read back per message or conversation.
import type { Redis } from 'ioredis'
import { journalFields } from '../../../shared/records'
import { JOURNAL_STREAM, journalIndexOfConversation, journalIndexOfMessage } from '../../../shared/keys'
import { fieldsToRecord } from '../reader/stream-entry'
import { ENVELOPE_FIELD } from '../../../shared/envelope'
import { luaScript, type Transaction } from './transaction'
import { ACK_FIRST_LUA } from './ack-first'

/** How long the per-message and per-conversation indexes live after their first hop. */
export const JOURNAL_INDEX_TTL_SEC = 24 * 3600
/** Bound on the hops readJournal returns for one message (the safety limit is 50). */
export const MAX_HOPS_READ = 1000
/** Bound on the message ids readConversationMessages returns. */
export const MAX_CONVERSATION_MESSAGES = 10_000

/**
 * One hop's writes as one server-side step, so the envelope JSON crosses the
 * wire once: the delivery (XADD to the next stream, or LPUSH to a result list
 * with a TTL), the journal entry, the per-message index (its TTL and the
 * conversation set written on the first hop), and the XACK of the source.
 * Inside the batch's MULTI, each hop is atomic; a crash before EXEC leaves
 * the source entry pending. The XACK comes first (ack-first.ts): no hop is
 * delivered twice.
 */
const f = journalFields
const HOP_SCRIPT = luaScript(`${ACK_FIRST_LUA}
if not ack_first(KEYS[5], ARGV[6], ARGV[7]) then return false end
local env = ARGV[2]
if ARGV[1] == 'list' then
  redis.call('LPUSH', KEYS[1], env)
  redis.call('EXPIRE', KEYS[1], ARGV[8])
elseif ARGV[1] == 'stream' then
  redis.call('XADD', KEYS[1], '*', '${ENVELOPE_FIELD}', env)
end
local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*',
  '${f.messageId}', ARGV[5], '${f.conversationId}', ARGV[9], '${f.role}', ARGV[10], '${f.agentId}', ARGV[11],
  '${f.destination}', KEYS[1], '${f.envelope}', env, '${f.ts}', ARGV[12])
if redis.call('RPUSH', KEYS[3], id) == 1 then
  redis.call('EXPIRE', KEYS[3], ARGV[4])
  redis.call('SADD', KEYS[4], ARGV[5])
  redis.call('EXPIRE', KEYS[4], ARGV[4])
end
return id`)

export interface JournalHop {
  messageId: string
  conversationId: string
  role: string
  agentId: string
  /** The stream or result list the envelope goes to. */
  destination: string
  /** 'stream': XADD there; 'list': LPUSH there (with resultTtlSec); 'none' (default): journal only. */
  delivery?: 'stream' | 'list' | 'none'
  envelopeJson: string
  /** The entry this hop consumed, acked in the same step. */
  source?: { stream: string; group: string; id: string }
  resultTtlSec?: number
}

export function addHop(tx: Transaction, hop: JournalHop, journalMaxLen: number): void {
  const keys = [
    hop.destination,
    JOURNAL_STREAM,
    journalIndexOfMessage(hop.messageId),
    journalIndexOfConversation(hop.conversationId),
    hop.source?.stream ?? JOURNAL_STREAM,
  ]
  tx.script(HOP_SCRIPT, keys, [
    hop.delivery ?? 'none',
    hop.envelopeJson,
    journalMaxLen,
    JOURNAL_INDEX_TTL_SEC,
    hop.messageId,
    hop.source?.group ?? '',
    hop.source?.id ?? '',
    hop.resultTtlSec ?? JOURNAL_INDEX_TTL_SEC,
    hop.conversationId,
    hop.role,
    hop.agentId,
    String(Date.now() / 1000),
  ])
}

/** Journal entry (and index) only, without delivering or acking: for tools and tests that replay hops. */
export function addJournalHop(tx: Transaction, hop: Omit<JournalHop, 'delivery' | 'source'>, journalMaxLen: number): void {
  addHop(tx, { ...hop, delivery: 'none' }, journalMaxLen)
}

/** All hops of one message, in order, without scanning the journal. */
export async function readJournal(
  redis: Redis,
  messageId: string,
): Promise<Array<{ entryId: string; fields: Record<string, string> }>> {
  const ids = await redis.lrange(journalIndexOfMessage(messageId), 0, MAX_HOPS_READ - 1)
  if (ids.length === 0) return []
  const pipeline = redis.pipeline()
  for (const id of ids) pipeline.call('XRANGE', [JOURNAL_STREAM, id, id])
  const replies = (await pipeline.exec()) ?? []
  const hops: Array<{ entryId: string; fields: Record<string, string> }> = []
  for (const [error, reply] of replies) {
    if (error || !Array.isArray(reply) || reply.length === 0) continue // trimmed from the capped journal
    const entry: unknown = reply[0]
    if (Array.isArray(entry) && Array.isArray(entry[1])) {
      hops.push({ entryId: String(entry[0]), fields: fieldsToRecord(entry[1]) })
    }
  }
  return hops
}

export async function readConversationMessages(redis: Redis, conversationId: string): Promise<string[]> {
  const ids: string[] = []
  let cursor = '0'
  do {
    const [next, batch] = await redis.sscan(journalIndexOfConversation(conversationId), cursor, 'COUNT', 500)
    cursor = next
    ids.push(...batch)
  } while (cursor !== '0' && ids.length < MAX_CONVERSATION_MESSAGES)
  return ids.slice(0, MAX_CONVERSATION_MESSAGES).sort()
}
