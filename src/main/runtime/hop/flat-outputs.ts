// A flat-field hop's outputs and XACK as one server-side step.
import { DEAD_LETTER_MAX_BYTES, DEAD_LETTER_MAXLEN, deadLetterStream } from '@shared/keys'
import { recordToFlat, type ReceivedEntry } from '../reader/stream-entry'
import { FLAT_HOP_LUA } from './lua/flat-hop.lua'
import { luaScript, type RedisArg, type Transaction } from './transaction'

/** One XADD a flat-field agent produces. */
export interface FlatOutput {
  stream: string
  fields: Record<string, string>
  /** Approximate cap for streams no group reads (e.g. the summary). */
  maxLen?: number
}

const FLAT_HOP_SCRIPT = luaScript(FLAT_HOP_LUA)

/** Queues the outputs of one flat entry, and its XACK, as one step of the batch's MULTI. */
export function addFlatOutputs(tx: Transaction, entry: ReceivedEntry, outputs: FlatOutput[], consumer = ''): void {
  const args: RedisArg[] = [entry.group, entry.id, consumer, String(Date.now() / 1000), DEAD_LETTER_MAXLEN, DEAD_LETTER_MAX_BYTES]
  for (const out of outputs) {
    const fields = recordToFlat(out.fields)
    args.push(out.maxLen ? out.maxLen : '', fields.length, ...fields)
  }
  tx.script(FLAT_HOP_SCRIPT, [entry.stream, deadLetterStream(entry.stream), ...outputs.map((out) => out.stream)], args)
}
