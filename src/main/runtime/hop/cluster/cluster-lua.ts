// The Lua of a Cluster hop: each script touches one slot (a key and the marker in its slot).
import { DEAD_LETTER_LUA } from '../lua/dead-letter.lua'

/**
 * Delivery, exactly once per source entry. KEYS: destination, its marker.
 * ARGV: 'stream' | 'list', list TTL, marker TTL, cap ('' none), then the list
 * value or the stream fields. Answers {'delivered', id}, {'duplicate', id}
 * (the marker says it was delivered already: nothing is written), or
 * {'wrongtype', type} (nothing is written; the caller dead-letters).
 */
export const DELIVER_LUA = `
local done = redis.call('GET', KEYS[2])
if done then return { 'duplicate', done } end
local t = redis.call('TYPE', KEYS[1]).ok
if t ~= 'none' and t ~= ARGV[1] then return { 'wrongtype', t } end
local id = 'list'
if ARGV[1] == 'list' then
  redis.call('LPUSH', KEYS[1], ARGV[5])
  redis.call('EXPIRE', KEYS[1], ARGV[2])
else
  local args = { KEYS[1] }
  if ARGV[4] ~= '' then
    args[#args + 1] = 'MAXLEN'
    args[#args + 1] = '~'
    args[#args + 1] = ARGV[4]
  end
  args[#args + 1] = '*'
  for i = 5, #ARGV do args[#args + 1] = ARGV[i] end
  id = redis.call('XADD', unpack(args))
end
redis.call('SET', KEYS[2], id, 'EX', ARGV[3])
return { 'delivered', id }`

/**
 * The journal entry of one hop, once. KEYS: journal, its marker. ARGV: cap,
 * marker TTL, fields. Answers the entry id (the first one on a re-run), or
 * false when the journal is not a stream (a view: never a reason to lose a hop).
 */
export const JOURNAL_LUA = `
local done = redis.call('GET', KEYS[2])
if done then return done end
local t = redis.call('TYPE', KEYS[1]).ok
if t ~= 'none' and t ~= 'stream' then return false end
local args = { KEYS[1], 'MAXLEN', '~', ARGV[1], '*' }
for i = 3, #ARGV do args[#args + 1] = ARGV[i] end
local id = redis.call('XADD', unpack(args))
redis.call('SET', KEYS[2], id, 'EX', ARGV[2])
return id`

/** KEYS: message index. ARGV: journal id, TTL. The id is appended once (LPOS); the TTL starts with the first hop. */
export const MESSAGE_INDEX_LUA = `
local t = redis.call('TYPE', KEYS[1]).ok
if t ~= 'none' and t ~= 'list' then return 0 end
if redis.call('LPOS', KEYS[1], ARGV[1]) then return 0 end
if redis.call('RPUSH', KEYS[1], ARGV[1]) == 1 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
return 1`

/** KEYS: conversation index. ARGV: first-hop ts, message id, cap, TTL. ZADD NX: the first hop's time stays. */
export const CONVERSATION_INDEX_LUA = `
local t = redis.call('TYPE', KEYS[1]).ok
if t ~= 'none' and t ~= 'zset' then return 0 end
if redis.call('ZADD', KEYS[1], 'NX', ARGV[1], ARGV[2]) == 0 then return 0 end
local extra = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[3])
if extra > 0 then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, extra - 1) end
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1`

/**
 * A dead letter, once. KEYS: dead-letter stream, its marker. ARGV: marker
 * TTL, count cap, byte cap, number of meta items, the meta (dlq_ fields),
 * then the entry's own fields as read (bytes), whose dlq_ names are renamed
 * so the real reason wins. Errors when the dead-letter stream is not a stream
 * (then nothing is acked: the entry stays pending).
 */
export const CLUSTER_DEAD_LETTER_LUA = `${DEAD_LETTER_LUA}
local done = redis.call('GET', KEYS[2])
if done then return done end
if not dead_letter_ok(KEYS[1]) then
  return redis.error_reply('WRONGTYPE: dead-letter stream ' .. KEYS[1] .. ' is a ' .. redis.call('TYPE', KEYS[1]).ok)
end
local args = { KEYS[1], 'MAXLEN', '~', ARGV[2], '*' }
local meta_end = 4 + tonumber(ARGV[4])
for i = 5, meta_end do args[#args + 1] = ARGV[i] end
local body = {}
for i = meta_end + 1, #ARGV do body[#body + 1] = ARGV[i] end
local id = dead_letter_add(KEYS[1], args, body, ARGV[3])
redis.call('SET', KEYS[2], id, 'EX', ARGV[1])
return id`
