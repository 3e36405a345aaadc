// The envelope hop as one server-side step: ack, deliver or dead-letter, journal.
import { ENVELOPE_FIELD } from '@shared/envelope'
import { DEAD_LETTER_MAX_BYTES, DEAD_LETTER_MAXLEN } from '@shared/keys'
import { deadLetterFields, journalFields } from '@shared/records'
import { ACK_FIRST_LUA } from './ack-first.lua'
import { DEAD_LETTER_LUA } from './dead-letter.lua'

const f = journalFields
const d = deadLetterFields

/** Constants of the hop script, written into its text (fewer arguments to send and to turn into Lua strings). */
export interface HopScriptConstants {
  indexTtlSec: number
  conversationCap: number
}

/**
 * One envelope hop as one server-side step, with no TYPE lookups on the way
 * a hop normally goes: XACK first (an entry no longer pending stops the hop,
 * so nothing is delivered twice), then the delivery by redis.pcall. A key of
 * the wrong type answers WRONGTYPE without writing anything; then the entry
 * is dead-lettered with the exact reason in the same step. If the dead-letter
 * stream itself is unusable, the entry is put back in its consumer's pending
 * list as it was (XCLAIM … FORCE, its delivery count kept) and the hop fails:
 * it is retried later, never lost. A reason the caller found (ARGV[12]) is
 * checked before the XACK. The journal and its indexes are written by pcall
 * too: they are a view, never a reason to lose a hop. The indexes get their
 * TTL once, when a message's first hop creates them.
 *
 * KEYS: destination, journal, message index, conversation index, source
 * stream, failed-work dead-letter stream.
 * ARGV: delivery (list|stream|none), envelope, journal cap, message id,
 * group, entry id, result TTL, conversation id, role, agent id, ts, failure
 * reason ('' none), consumer, deliveries.
 * Written as the Lua function hop(K, A) over those two tables, for one hop
 * (lua/batch.lua.ts: KEYS, ARGV) or for a batch of them in one script.
 */
export function hopLua({ indexTtlSec, conversationCap }: HopScriptConstants): string {
  return `${ACK_FIRST_LUA}${DEAD_LETTER_LUA}
local function dead_letter_hop(K, A, fail)
  local meta = { '${d.group}', A[5], '${d.consumer}', A[13], '${d.deliveries}', A[14], '${d.ts}', A[11],
    '${d.destination}', K[1], '${d.envelopeOut}', A[2] }
  return dead_letter(K[6], K[5], A[6], fail, meta, { '${ENVELOPE_FIELD}', A[2] }, ${DEAD_LETTER_MAXLEN}, ${DEAD_LETTER_MAX_BYTES})
end
local function dlq_refused(K, fail)
  return redis.error_reply('WRONGTYPE: dead-letter stream ' .. K[6] .. ' is a ' .. redis.call('TYPE', K[6]).ok .. ' (' .. fail .. ')')
end
local function hop(K, A)
  local env = A[2]
  if A[12] ~= '' then
    if not dead_letter_ok(K[6]) then return dlq_refused(K, A[12]) end
    if not ack_first(K[5], A[5], A[6]) then return false end
    return dead_letter_hop(K, A, A[12])
  end
  if not ack_first(K[5], A[5], A[6]) then return false end
  local sent = true
  if A[1] == 'list' then
    sent = redis.pcall('LPUSH', K[1], env)
    if type(sent) ~= 'table' then redis.call('EXPIRE', K[1], A[7]) end
  elseif A[1] == 'stream' then
    sent = redis.pcall('XADD', K[1], '*', '${ENVELOPE_FIELD}', env)
  end
  if type(sent) == 'table' and sent.err then
    local fail = 'delivery to ' .. K[1] .. ' failed: ' .. sent.err
    if string.sub(sent.err, 1, 9) == 'WRONGTYPE' then
      local what = A[1] == 'list' and 'result_list' or 'destination stream'
      fail = 'WRONGTYPE: ' .. what .. ' ' .. K[1] .. ' is a ' .. redis.call('TYPE', K[1]).ok
    end
    if dead_letter_ok(K[6]) then return dead_letter_hop(K, A, fail) end
    if A[6] ~= '' then
      redis.pcall('XCLAIM', K[5], A[5], A[13], 0, A[6], 'RETRYCOUNT', A[14], 'FORCE', 'JUSTID')
    end
    return dlq_refused(K, fail)
  end
  local id = redis.pcall('XADD', K[2], 'MAXLEN', '~', A[3], '*',
    '${f.messageId}', A[4], '${f.conversationId}', A[8], '${f.role}', A[9], '${f.agentId}', A[10],
    '${f.destination}', K[1], '${f.envelope}', env, '${f.ts}', A[11])
  if type(id) ~= 'string' then return false end
  if redis.pcall('RPUSH', K[3], id) == 1 then
    redis.call('EXPIRE', K[3], ${indexTtlSec})
    local added = redis.pcall('ZADD', K[4], A[11], A[4])
    if type(added) == 'number' then
      if added == 1 then
        local extra = redis.call('ZCARD', K[4]) - ${conversationCap}
        if extra > 0 then redis.call('ZREMRANGEBYRANK', K[4], 0, extra - 1) end
      end
      redis.call('EXPIRE', K[4], ${indexTtlSec})
    end
  end
  return id
end`
}
