import { ENVELOPE_FIELD } from '@shared/envelope'
import { deadLetterFields, journalFields } from '@shared/records'
import { ACK_FIRST_LUA } from './ack-first.lua'
import { DEAD_LETTER_LUA } from './dead-letter.lua'

const f = journalFields
const d = deadLetterFields

/**
 * One envelope hop as one server-side step. What can fail is checked before
 * the XACK (Lua does not roll back): the destination's type (a list for
 * LPUSH, a stream for XADD), or a reason the caller found (ARGV[15]). A hop
 * that cannot deliver dead-letters the source entry, with the exact reason,
 * in the same step. The journal and its indexes are written only where their
 * keys have the right type: they are a view, never a reason to lose a hop.
 *
 * KEYS: destination, journal, message index, conversation index, source
 * stream, failed-work dead-letter stream.
 * ARGV: delivery (list|stream|none), envelope, journal cap, index TTL,
 * message id, group, entry id, result TTL, conversation id, role, agent id,
 * ts, dead-letter count cap, dead-letter byte cap, failure reason ('' none),
 * consumer, deliveries, conversation cap.
 */
export const HOP_LUA = `${ACK_FIRST_LUA}${DEAD_LETTER_LUA}
local function wrong_type(key, want, what)
  local t = redis.call('TYPE', key).ok
  if t ~= 'none' and t ~= want then return 'WRONGTYPE: ' .. what .. ' ' .. key .. ' is a ' .. t end
  return nil
end
local env = ARGV[2]
local fail = nil
if ARGV[15] ~= '' then fail = ARGV[15]
elseif ARGV[1] == 'list' then fail = wrong_type(KEYS[1], 'list', 'result_list')
elseif ARGV[1] == 'stream' then fail = wrong_type(KEYS[1], 'stream', 'destination stream') end
if fail then
  if not dead_letter_ok(KEYS[6]) then
    return redis.error_reply('WRONGTYPE: dead-letter stream ' .. KEYS[6] .. ' is a ' .. redis.call('TYPE', KEYS[6]).ok .. ' (' .. fail .. ')')
  end
  if not ack_first(KEYS[5], ARGV[6], ARGV[7]) then return false end
  local meta = { '${d.group}', ARGV[6], '${d.consumer}', ARGV[16], '${d.deliveries}', ARGV[17], '${d.ts}', ARGV[12],
    '${d.destination}', KEYS[1], '${d.envelopeOut}', env }
  return dead_letter(KEYS[6], KEYS[5], ARGV[7], fail, meta, { '${ENVELOPE_FIELD}', env }, ARGV[13], ARGV[14])
end
if not ack_first(KEYS[5], ARGV[6], ARGV[7]) then return false end
if ARGV[1] == 'list' then
  redis.call('LPUSH', KEYS[1], env)
  redis.call('EXPIRE', KEYS[1], ARGV[8])
elseif ARGV[1] == 'stream' then
  redis.call('XADD', KEYS[1], '*', '${ENVELOPE_FIELD}', env)
end
if wrong_type(KEYS[2], 'stream', 'journal') then return false end
local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*',
  '${f.messageId}', ARGV[5], '${f.conversationId}', ARGV[9], '${f.role}', ARGV[10], '${f.agentId}', ARGV[11],
  '${f.destination}', KEYS[1], '${f.envelope}', env, '${f.ts}', ARGV[12])
if not wrong_type(KEYS[3], 'list', 'message index') and redis.call('RPUSH', KEYS[3], id) == 1 then
  redis.call('EXPIRE', KEYS[3], ARGV[4])
  if not wrong_type(KEYS[4], 'zset', 'conversation index') then
    redis.call('ZADD', KEYS[4], ARGV[12], ARGV[5])
    local extra = redis.call('ZCARD', KEYS[4]) - tonumber(ARGV[18])
    if extra > 0 then redis.call('ZREMRANGEBYRANK', KEYS[4], 0, extra - 1) end
    redis.call('EXPIRE', KEYS[4], ARGV[4])
  end
end
return id`
