// Removes a stopped agent's own stream once nothing in it is left to read.
import type { RedisClient } from '../../redis/client-type'

/**
 * Deletes an agent's own stream when nothing in it is pending or undelivered,
 * checked and done in one server-side step so a message arriving meanwhile is
 * never dropped. Keeps Redis from collecting one stream per agent ever started.
 */
const DELETE_IF_DRAINED = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local info = redis.call('XINFO', 'STREAM', KEYS[1])
local last = nil
for i = 1, #info, 2 do if info[i] == 'last-generated-id' then last = info[i + 1] end end
for _, g in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
  local pending, delivered = 0, nil
  for i = 1, #g, 2 do
    if g[i] == 'pending' then pending = g[i + 1] end
    if g[i] == 'last-delivered-id' then delivered = g[i + 1] end
  end
  if pending ~= 0 or delivered ~= last then return 0 end
end
redis.call('DEL', KEYS[1])
return 1`

export async function deleteDrainedStream(redis: RedisClient, stream: string): Promise<boolean> {
  return Number(await redis.eval(DELETE_IF_DRAINED, 1, stream)) === 1
}
