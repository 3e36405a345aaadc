// Trimming a stream without dropping an entry some group has not read or acked.
/**
 * Trims a stream towards its cap in one server-side step, never dropping an
 * entry some group still holds pending or has not been delivered yet: XTRIM
 * MINID ~ at the smallest of (the count cut, each group's oldest pending id,
 * each group's next undelivered id). One step, so a group created or an
 * entry read in between cannot be missed (it was three round trips).
 * KEYS: stream. ARGV: cap, excess up to which the cut is found exactly
 * (beyond it, it is placed by the ids' times). Returns the entries removed.
 */
export const TRIM_SAFELY_LUA = `
local stream, maxlen, exact_max = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2])
if redis.call('TYPE', stream).ok ~= 'stream' then return 0 end
local len = redis.call('XLEN', stream)
if len <= maxlen then return 0 end
local excess = len - maxlen
local function parse(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end
local function less(a, b)
  local am, as = parse(a)
  local bm, bs = parse(b)
  if am ~= bm then return am < bm end
  return as < bs
end
local cut
if excess <= exact_max then
  local head = redis.call('XRANGE', stream, '-', '+', 'COUNT', excess + 1)
  cut = head[#head][1]
else
  local fm = parse(redis.call('XRANGE', stream, '-', '+', 'COUNT', 1)[1][1])
  local lm = parse(redis.call('XREVRANGE', stream, '+', '-', 'COUNT', 1)[1][1])
  cut = string.format('%d-0', fm + math.floor((lm - fm) * excess / len))
end
local min = cut
for _, g in ipairs(redis.call('XINFO', 'GROUPS', stream)) do
  local name, delivered, pending = nil, nil, 0
  for i = 1, #g, 2 do
    if g[i] == 'name' then name = g[i + 1]
    elseif g[i] == 'last-delivered-id' then delivered = g[i + 1]
    elseif g[i] == 'pending' then pending = g[i + 1] end
  end
  if delivered then
    local m, s = parse(delivered)
    local next_id = string.format('%d-%d', m, s + 1)
    if less(next_id, min) then min = next_id end
  end
  if pending > 0 then
    local oldest = redis.call('XPENDING', stream, name, '-', '+', 1)
    if oldest[1] and less(oldest[1][1], min) then min = oldest[1][1] end
  end
end
return redis.call('XTRIM', stream, 'MINID', '~', min)`
