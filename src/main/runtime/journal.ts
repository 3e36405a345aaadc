import type { ChainableCommander, Redis } from 'ioredis'
import { journalFields } from '../../shared/records'
import { JOURNAL_STREAM, journalIndexOfConversation, journalIndexOfMessage } from '../../shared/keys'
import { fieldsToRecord } from './stream-entry'

/** How long the per-message and per-conversation indexes live after their first hop. */
export const JOURNAL_INDEX_TTL_SEC = 24 * 3600
/** Bound on the hops readJournal returns for one message (the safety limit is 50). */
export const MAX_HOPS_READ = 1000
/** Bound on the message ids readConversationMessages returns. */
export const MAX_CONVERSATION_MESSAGES = 10_000

/**
 * XADD the hop to the capped journal and RPUSH its id on the message's index,
 * in one server-side step so they sit inside the hop's MULTI. The TTLs and the
 * conversation set are written once, on the message's first hop.
 */
const JOURNAL_HOP_SCRIPT = `
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(ARGV, 4))
if redis.call('RPUSH', KEYS[2], id) == 1 then
  redis.call('EXPIRE', KEYS[2], ARGV[2])
  redis.call('SADD', KEYS[3], ARGV[3])
  redis.call('EXPIRE', KEYS[3], ARGV[2])
end
return id`

export interface JournalHop {
  messageId: string
  conversationId: string
  role: string
  agentId: string
  destination: string
  envelopeJson: string
}

type JournalCapable = { journalHop(...args: Array<string | number>): unknown }

/** Teaches a client (and its MULTIs) the journalHop command; idempotent. */
export function defineJournalCommand(redis: Redis): void {
  if ('journalHop' in redis) return
  redis.defineCommand('journalHop', { numberOfKeys: 3, lua: JOURNAL_HOP_SCRIPT })
}

export function addJournalHop(tx: ChainableCommander, hop: JournalHop, journalMaxLen: number): void {
  const f = journalFields
  ;(tx as unknown as JournalCapable).journalHop(
    JOURNAL_STREAM,
    journalIndexOfMessage(hop.messageId),
    journalIndexOfConversation(hop.conversationId),
    journalMaxLen,
    JOURNAL_INDEX_TTL_SEC,
    hop.messageId,
    f.messageId, hop.messageId,
    f.conversationId, hop.conversationId,
    f.role, hop.role,
    f.agentId, hop.agentId,
    f.destination, hop.destination,
    f.envelope, hop.envelopeJson,
    f.ts, String(Date.now() / 1000),
  )
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
