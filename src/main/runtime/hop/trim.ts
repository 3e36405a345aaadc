// Trimming a stream without dropping entries a group still needs.
import type { Redis } from 'ioredis'
import { TRIM_SAFELY_LUA } from './lua/trim.lua'
import { luaScript, runScript } from './transaction'

/** Up to this excess the cut is found exactly (XRANGE of the excess); beyond it, estimated from the id times. */
export const EXACT_TRIM_MAX = 1_000

const TRIM_SAFELY = luaScript(TRIM_SAFELY_LUA)

/**
 * Trims a stream towards maxLen without ever dropping an entry that some group
 * still holds pending or has not been delivered yet, in one atomic script
 * (lua/trim.lua.ts). Returns the entries removed.
 */
export async function trimSafely(redis: Redis, stream: string, maxLen: number): Promise<number> {
  return Number(await runScript(redis, TRIM_SAFELY, [stream], [maxLen, EXACT_TRIM_MAX]))
}
