// The seed 000 flat-field hop as one server-side step.
import { deadLetterFields } from '@shared/records'
import { ACK_FIRST_LUA } from './ack-first.lua'
import { DEAD_LETTER_LUA } from './dead-letter.lua'

const d = deadLetterFields

/**
 * A flat-field hop (seed 000) as one server-side step. Every output must be a
 * stream (or absent) before the XACK; if one is not, the source entry is
 * dead-lettered with the reason instead. Then XACK first (nothing is written
 * for an entry no longer pending) and XADD every output.
 * KEYS: source stream, failed-work dead-letter stream, then each output.
 * ARGV: group, entry id, consumer, ts, dead-letter count cap, byte cap, then
 * per output its cap ('' for none), its field count and its fields.
 */
export const FLAT_HOP_LUA = `${ACK_FIRST_LUA}${DEAD_LETTER_LUA}
for k = 3, #KEYS do
  local t = redis.call('TYPE', KEYS[k]).ok
  if t ~= 'none' and t ~= 'stream' then
    local reason = 'WRONGTYPE: output stream ' .. KEYS[k] .. ' is a ' .. t
    if not dead_letter_ok(KEYS[2]) then return redis.error_reply(reason .. ' (and the dead-letter stream is not a stream)') end
    if not ack_first(KEYS[1], ARGV[1], ARGV[2]) then return false end
    local meta = { '${d.group}', ARGV[1], '${d.consumer}', ARGV[3], '${d.deliveries}', '1', '${d.ts}', ARGV[4], '${d.destination}', KEYS[k] }
    return dead_letter(KEYS[2], KEYS[1], ARGV[2], reason, meta, {}, ARGV[5], ARGV[6])
  end
end
if not ack_first(KEYS[1], ARGV[1], ARGV[2]) then return false end
local a = 7
for k = 3, #KEYS do
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
return #KEYS - 2`
