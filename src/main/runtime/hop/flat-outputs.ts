import { ACK_FIRST_LUA } from './lua/ack-first.lua'
import { recordToFlat, type ReceivedEntry } from '../reader/stream-entry'
import { luaScript, type RedisArg, type Transaction } from './transaction'

/** One XADD a flat-field agent produces. */
export interface FlatOutput {
  stream: string
  fields: Record<string, string>
  /** Approximate cap for streams no group reads (e.g. the summary). */
  maxLen?: number
}

/**
 * A flat-field hop as one server-side step: XACK the source first (nothing
 * is written for an entry no longer pending), then XADD every output.
 * KEYS: source stream, then each output stream. ARGV: group, entry id, then
 * per output its cap ('' for none), its field count and its fields.
 */
const FLAT_HOP_SCRIPT = luaScript(`${ACK_FIRST_LUA}
if not ack_first(KEYS[1], ARGV[1], ARGV[2]) then return false end
local a = 3
for k = 2, #KEYS do
  local args = { KEYS[k] }
  if ARGV[a] ~= '' then
    args[#args + 1] = 'MAXLEN'
    args[#args + 1] = '~'
    args[#args + 1] = ARGV[a]
  end
  args[#args + 1] = '*'
  local n = tonumber(ARGV[a + 1])
  for i = 0, n - 1 do args[#args + 1] = ARGV[a + 2 + i] end
  a = a + 2 + n
  redis.call('XADD', unpack(args))
end
return #KEYS - 1`)

/** Queues the outputs of one flat entry, and its XACK, as one step of the batch's MULTI. */
export function addFlatOutputs(tx: Transaction, entry: ReceivedEntry, outputs: FlatOutput[]): void {
  const args: RedisArg[] = [entry.group, entry.id]
  for (const out of outputs) {
    const fields = recordToFlat(out.fields)
    args.push(out.maxLen ? out.maxLen : '', fields.length, ...fields)
  }
  tx.script(FLAT_HOP_SCRIPT, [entry.stream, ...outputs.map((out) => out.stream)], args)
}
