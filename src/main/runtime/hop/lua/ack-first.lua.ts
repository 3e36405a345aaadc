// The ack-first Lua fragment every hop script starts with.
/**
 * Lua shared by the hop scripts: XACK the source entry before writing
 * anything. An entry no longer pending (another instance claimed and finished
 * it, or a transaction resent after a reconnect ran twice) stops the hop, so
 * nothing is delivered twice; one whose group (or stream) was deleted goes on,
 * since there is nothing left to protect.
 */
export const ACK_FIRST_LUA = `
local function ack_first(stream, group, id)
  if id == '' or redis.call('XACK', stream, group, id) == 1 then return true end
  local groups = redis.pcall('XINFO', 'GROUPS', stream)
  if type(groups) == 'table' and not groups.err then
    for _, g in ipairs(groups) do
      for i = 1, #g, 2 do
        if g[i] == 'name' and g[i + 1] == group then return false end
      end
    end
  end
  return true
end
`
