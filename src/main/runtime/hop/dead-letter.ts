// Dead-lettering an entry inside a batch's transaction.
import {
  DEAD_LETTER_MAX_BYTES,
  DEAD_LETTER_MAXLEN,
  deadLetterStream,
  UNDECODABLE_MAX_BYTES,
  UNDECODABLE_MAXLEN,
  undecodableStream,
} from '@shared/keys'
import { deadLetterFields } from '@shared/records'
import type { ReceivedEntry } from '../reader/stream-entry'
import { ACK_FIRST_LUA } from './lua/ack-first.lua'
import { DEAD_LETTER_LUA } from './lua/dead-letter.lua'
import { luaScript, type Transaction } from './transaction'
import { runtimeEvents } from '../stats/hop-events'

/** Undecodable input (kept apart, never replayed as is) or failed / exhausted work (replayable). */
export type DeadLetterKind = 'undecodable' | 'failed'

export function deadLetterTarget(kind: DeadLetterKind, sourceStream: string): { key: string; maxLen: number; maxBytes: number } {
  return kind === 'undecodable'
    ? { key: undecodableStream(sourceStream), maxLen: UNDECODABLE_MAXLEN, maxBytes: UNDECODABLE_MAX_BYTES }
    : { key: deadLetterStream(sourceStream), maxLen: DEAD_LETTER_MAXLEN, maxBytes: DEAD_LETTER_MAX_BYTES }
}

const f = deadLetterFields
/**
 * KEYS: source stream, dead-letter stream. ARGV: group, id, reason, consumer,
 * deliveries, ts, count cap, byte cap. XACK first (an entry no longer pending
 * is not copied twice), then the copy of the entry as Redis holds it.
 */
const DEAD_LETTER_SCRIPT = luaScript(`${ACK_FIRST_LUA}${DEAD_LETTER_LUA}
if not dead_letter_ok(KEYS[2]) then
  return redis.error_reply('WRONGTYPE: dead-letter stream ' .. KEYS[2] .. ' is a ' .. redis.call('TYPE', KEYS[2]).ok)
end
if not ack_first(KEYS[1], ARGV[1], ARGV[2]) then return false end
local meta = { '${f.group}', ARGV[1], '${f.consumer}', ARGV[4], '${f.deliveries}', ARGV[5], '${f.ts}', ARGV[6] }
return dead_letter(KEYS[2], KEYS[1], ARGV[2], ARGV[3], meta, {}, ARGV[7], ARGV[8])`)

/**
 * Queues, inside the caller's transaction, the move of the entry (its bytes
 * as stored) with the reason into the dead-letter stream of its kind, and
 * its XACK, as one step.
 */
export function addDeadLetter(
  tx: Transaction,
  entry: ReceivedEntry,
  consumer: string,
  reason: string,
  kind: DeadLetterKind,
  target = deadLetterTarget(kind, entry.stream),
): void {
  runtimeEvents.deadLetter(entry.stream)
  tx.script(DEAD_LETTER_SCRIPT, [entry.stream, target.key], [
    entry.group,
    entry.id,
    reason,
    consumer,
    String(entry.deliveries),
    String(Date.now() / 1000),
    target.maxLen,
    target.maxBytes,
  ])
}

/** A hop's write that dead-letters its entry (the script acks it). */
export function deadLetterWrite(consumer: string, reason: string, kind: DeadLetterKind) {
  return (tx: Transaction, entry: ReceivedEntry): 'acked' => {
    addDeadLetter(tx, entry, consumer, reason, kind)
    return 'acked'
  }
}
