// One script call for many hops of a transaction, each caught on its own.
/**
 * A script that defines the Lua function `name(K, A)`, run once over its own
 * KEYS and ARGV, or as a batch: one script call for many such calls, each
 * with the same number of keys and arguments. The batch's KEYS are every
 * call's keys in turn; ARGV is the key count, the argument count, then every
 * call's arguments. Each call is caught on its own (a Lua error ends that
 * call, not the batch: what it wrote stays, as it would alone); the reply is
 * one element per call, its own reply or its error.
 */
export function singleCallLua(definition: string, name: string): string {
  return `${definition}
return ${name}(KEYS, ARGV)`
}

export function batchCallLua(definition: string, name: string): string {
  return `${definition}
local nk, na = tonumber(ARGV[1]), tonumber(ARGV[2])
local out = {}
for i = 0, #KEYS / nk - 1 do
  local K, A = {}, {}
  for j = 1, nk do K[j] = KEYS[i * nk + j] end
  for j = 1, na do A[j] = ARGV[2 + i * na + j] end
  local ok, reply = pcall(${name}, K, A)
  if not ok then reply = { err = type(reply) == 'table' and reply.err or tostring(reply) } end
  if reply == nil then reply = false end
  out[i + 1] = reply
end
return out`
}
