// The hop journal: each hop's trace written with it, and read back per message or conversation.
import type { Redis } from 'ioredis'
import {
  deadLetterStream,
  JOURNAL_STREAM,
  journalIndexOfConversation,
  journalIndexOfMessage,
} from '@shared/keys'
import { fieldsToRecord } from '../reader/stream-entry'
import { luaScript, type Transaction } from './transaction'
import { hopLua } from './lua/hop.lua'
import { batchCallLua, singleCallLua } from './lua/batch.lua'

/**
 * How long the per-message and per-conversation indexes live after their
 * first hop: an envelope lives at most MAX_ENVELOPE_AGE (600 s by default),
 * so an hour covers every trace still in flight and an operator's look at it
 * afterwards; older traces are found in the journal itself while it holds them.
 */
export const JOURNAL_INDEX_TTL_SEC = 3600
/** Bound on the hops readJournal returns for one message (the safety limit is 50). */
export const MAX_HOPS_READ = 1000
/** Cap of one conversation's index (a ZSET by first-hop time; the oldest go first) and of what is read from it. */
export const MAX_CONVERSATION_MESSAGES = 10_000

/**
 * One hop's writes as one server-side step (lua/hop.lua.ts), so the envelope
 * JSON crosses the wire once: the delivery (XADD to the next stream, or LPUSH
 * to a result list with a TTL), the journal entry, the indexes, and the XACK
 * of the source; or, when the delivery cannot be made, the dead letter.
 * Inside the batch's MULTI, each hop is atomic; a crash before EXEC leaves
 * the source entry pending. The XACK comes first: no hop is delivered twice.
 * Hops queued one after another in a transaction go as one batch call of
 * the script (lua/batch.lua.ts): one script run for a busy batch, each hop
 * still its own step with its own outcome.
 */
const HOP_DEFINITION = hopLua({ indexTtlSec: JOURNAL_INDEX_TTL_SEC, conversationCap: MAX_CONVERSATION_MESSAGES })
const HOP_SCRIPT = luaScript(singleCallLua(HOP_DEFINITION, 'hop'), batchCallLua(HOP_DEFINITION, 'hop'))

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
  /** Set when the hop must not deliver (e.g. an invalid target): the entry is dead-lettered with it. */
  failure?: string
  /** Consumer and deliveries recorded on a dead letter. */
  consumer?: string
  deliveries?: number
}

export function addHop(tx: Transaction, hop: JournalHop, journalMaxLen: number): void {
  const source = hop.source
  const sourceStream = source ? source.stream : JOURNAL_STREAM
  tx.script(HOP_SCRIPT, [
    hop.destination,
    JOURNAL_STREAM,
    journalIndexOfMessage(hop.messageId),
    journalIndexOfConversation(hop.conversationId),
    sourceStream,
    deadLetterStream(sourceStream),
  ], [
    hop.delivery ?? 'none',
    hop.envelopeJson,
    journalMaxLen,
    hop.messageId,
    source ? source.group : '',
    source ? source.id : '',
    hop.resultTtlSec ?? JOURNAL_INDEX_TTL_SEC,
    hop.conversationId,
    hop.role,
    hop.agentId,
    nowSecText(),
    hop.failure ?? '',
    hop.consumer ?? hop.agentId,
    hop.deliveries ?? 1,
  ])
}

let lastMs = 0
let lastText = '0'
/** Date.now() / 1000 as text, made once per millisecond (a busy batch's hops share it). */
function nowSecText(): string {
  const ms = Date.now()
  if (ms !== lastMs) {
    lastMs = ms
    lastText = String(ms / 1000)
  }
  return lastText
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

/** Message ids of one conversation, oldest first hop first. */
export async function readConversationMessages(redis: Redis, conversationId: string): Promise<string[]> {
  const ids = await redis.zrange(journalIndexOfConversation(conversationId), '0', String(MAX_CONVERSATION_MESSAGES - 1))
  return ids.sort()
}
