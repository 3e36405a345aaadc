// The Lua fragment every dead-lettering script shares (copy, caps, reason).
import { DEAD_LETTER_META_PREFIX, deadLetterFields } from '@shared/records'

/** What an entry's own dlq_ fields are renamed to, so the real reason always wins (dlq_reason → dlq_entry_dlq_reason). */
export const ENTRY_META_RENAME_PREFIX = `${DEAD_LETTER_META_PREFIX}entry_`

const f = deadLetterFields

/**
 * Lua shared by every script that dead-letters: copies the source entry as
 * Redis holds it (bytes untouched: Lua strings are bytes) into the dead-letter
 * stream with the reason, under a count cap (MAXLEN ~) and a byte cap
 * (MEMORY USAGE, then XTRIM to the share that fits). An entry trimmed away
 * while pending is copied from `fallback` (field, value, ...) instead.
 * The caller has already XACKed (ack_first): one idempotent path.
 */
export const DEAD_LETTER_LUA = `
-- XADDs args (the stream, its caps, the dlq_ meta) + body (field, value, ...), the body's own dlq_ names
-- renamed, then trims the stream to its byte cap. Shared by one server's scripts and the Cluster's.
local function dead_letter_add(dlq, args, body, maxbytes)
  for i = 1, #body, 2 do
    local name = body[i]
    if string.sub(name, 1, ${DEAD_LETTER_META_PREFIX.length}) == '${DEAD_LETTER_META_PREFIX}' then name = '${ENTRY_META_RENAME_PREFIX}' .. name end
    args[#args + 1] = name
    args[#args + 1] = body[i + 1]
  end
  local new_id = redis.call('XADD', unpack(args))
  local bytes = redis.call('MEMORY', 'USAGE', dlq)
  if bytes and bytes > tonumber(maxbytes) then
    local keep = math.floor(redis.call('XLEN', dlq) * tonumber(maxbytes) / bytes)
    redis.call('XTRIM', dlq, 'MAXLEN', math.max(keep, 1))
  end
  return new_id
end

local function dead_letter(dlq, source, id, reason, meta, fallback, maxlen, maxbytes)
  local args = { dlq, 'MAXLEN', '~', maxlen, '*', '${f.reason}', reason, '${f.sourceStream}', source, '${f.sourceId}', id }
  for i = 1, #meta do args[#args + 1] = meta[i] end
  local body = fallback
  if id ~= '' then
    local found = redis.call('XRANGE', source, id, id)
    if found[1] then body = found[1][2] end
  end
  return dead_letter_add(dlq, args, body, maxbytes)
end

-- The dead-letter stream must be a stream (or absent) before anything is acked.
local function dead_letter_ok(dlq)
  local t = redis.call('TYPE', dlq).ok
  return t == 'none' or t == 'stream'
end
`
