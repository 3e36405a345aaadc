// An envelope hop on a Cluster: pending check, delivery with its marker, journal and indexes, XACK last.
import { randomUUID } from 'node:crypto'
import type { Cluster } from 'ioredis'
import { ENVELOPE_FIELD } from '@shared/envelope'
import { JOURNAL_STREAM, journalIndexOfConversation, journalIndexOfMessage } from '@shared/keys'
import { journalFields } from '@shared/records'
import type { ReceivedEntry } from '../../reader/stream-entry'
import { JOURNAL_INDEX_TTL_SEC, MAX_CONVERSATION_MESSAGES, type JournalHop } from '../journal'
import { CONVERSATION_INDEX_LUA, DELIVER_LUA, JOURNAL_LUA, MESSAGE_INDEX_LUA } from './cluster-lua'
import { deadLetterOnCluster } from './cluster-dead-letter'
import { ACKED_MARKER_TTL_MS, deliveredMarker, journaledMarker, MARKER_TTL_SEC } from './markers'
import { evalInSlot, luaScript, replicated, stillPending } from './slot-commands'

const DELIVER = luaScript(DELIVER_LUA)
const JOURNAL = luaScript(JOURNAL_LUA)
const MESSAGE_INDEX = luaScript(MESSAGE_INDEX_LUA)
const CONVERSATION_INDEX = luaScript(CONVERSATION_INDEX_LUA)
const f = journalFields

export type DeliveryOutcome = { delivered: true; id: string } | { delivered: false; wrongType: string }

/** One delivery, exactly once per marker: 'duplicate' counts as delivered (an earlier run did it). */
export async function deliverOnce(
  cluster: Cluster,
  destination: string,
  marker: string,
  mode: 'stream' | 'list',
  body: string[],
  options: { listTtlSec?: number; maxLen?: number } = {},
): Promise<DeliveryOutcome> {
  const args = [mode, options.listTtlSec ?? JOURNAL_INDEX_TTL_SEC, MARKER_TTL_SEC, options.maxLen ?? '', ...body]
  const [outcome, detail] = (await evalInSlot(cluster, DELIVER, [destination, marker], args)) as [string, string]
  if (outcome === 'wrongtype') return { delivered: false, wrongType: detail }
  await replicated(cluster, destination)
  return { delivered: true, id: detail }
}

/** The journal entry and both indexes; each step is idempotent, so a re-run after a crash adds nothing twice. */
async function journal(cluster: Cluster, hop: JournalHop, journalMaxLen: number, ts: string, marker: string): Promise<void> {
  const fields = [
    f.messageId, hop.messageId, f.conversationId, hop.conversationId, f.role, hop.role, f.agentId, hop.agentId,
    f.destination, hop.destination, f.envelope, hop.envelopeJson, f.ts, ts,
  ]
  const id = await evalInSlot(cluster, JOURNAL, [JOURNAL_STREAM, marker], [journalMaxLen, MARKER_TTL_SEC, ...fields])
  if (typeof id !== 'string') return
  await Promise.all([
    evalInSlot(cluster, MESSAGE_INDEX, [journalIndexOfMessage(hop.messageId)], [id, JOURNAL_INDEX_TTL_SEC]),
    evalInSlot(cluster, CONVERSATION_INDEX, [journalIndexOfConversation(hop.conversationId)], [ts, hop.messageId, MAX_CONVERSATION_MESSAGES, JOURNAL_INDEX_TTL_SEC]),
  ])
}

function wrongTypeReason(hop: JournalHop, type: string): string {
  return `WRONGTYPE: ${hop.delivery === 'list' ? 'result_list' : 'destination stream'} ${hop.destination} is a ${type}`
}

/**
 * One envelope hop, slot by slot, with the same outcomes as the single-server
 * script: journaled and delivered (or dead-lettered with the reason when it
 * cannot be), then the source acked last. `onJournalError` hears a journal
 * that could not be written: a view, never a reason to keep the entry.
 * Answers false when the entry was no longer pending (someone finished it).
 */
export async function hopOnCluster(cluster: Cluster, hop: JournalHop, journalMaxLen: number, onJournalError: (error: unknown) => void): Promise<boolean> {
  const source = hop.source
  const delivers = hop.delivery === 'stream' || hop.delivery === 'list'
  // The pending check and the destination's type are asked together (two slots, one round trip's time).
  const [pending, type] = await Promise.all([
    source?.id ? stillPending(cluster, source) : true,
    delivers && !hop.failure ? cluster.type(hop.destination) : 'none',
  ])
  if (!pending) return false
  const ts = String(Date.now() / 1000)
  let failure = hop.failure ?? (type !== 'none' && type !== hop.delivery ? wrongTypeReason(hop, type) : undefined)
  const marker = source?.id ? deliveredMarker(hop.destination, source) : null
  const journaled = journaledMarker(JOURNAL_STREAM, source?.id ? source : { stream: '', id: randomUUID() }, hop.destination)
  if (!failure) {
    // Journaled before the delivery: the next hop (which the delivery starts) can never be journaled ahead of this one,
    // and the trace is whole when the result arrives. A re-run journals nothing twice (its marker).
    await journal(cluster, hop, journalMaxLen, ts, journaled).catch(onJournalError)
    if (delivers && marker) {
      const body = hop.delivery === 'list' ? [hop.envelopeJson] : [ENVELOPE_FIELD, hop.envelopeJson]
      const outcome = await deliverOnce(cluster, hop.destination, marker, hop.delivery as 'stream' | 'list', body, { listTtlSec: hop.resultTtlSec })
      if (!outcome.delivered) failure = wrongTypeReason(hop, outcome.wrongType) // its type changed since the check
    }
  }
  if (failure && source?.id) {
    const entry: ReceivedEntry = { stream: source.stream, group: source.group, id: source.id, fields: { [ENVELOPE_FIELD]: hop.envelopeJson }, deliveries: hop.deliveries ?? 1 }
    await deadLetterOnCluster(cluster, { entry, consumer: hop.consumer ?? hop.agentId, reason: failure, kind: 'failed', meant: { destination: hop.destination, envelope: hop.envelopeJson } })
    return true
  }
  if (source?.id) {
    await cluster.xack(source.stream, source.group, source.id)
    // Markers are kept an hour only while their entry is unacked.
    for (const key of [marker, journaled]) if (key) cluster.pexpire(key, ACKED_MARKER_TTL_MS).catch(() => undefined)
  }
  return true
}
