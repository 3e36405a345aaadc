import type { RedisClient } from './client-type'

/**
 * The Redis versions Switchyard needs (PROTOCOL.md, "Redis version"):
 * 6.2 for the runtime — XAUTOCLAIM (claims), XTRIM MINID (safe trimming),
 * XPENDING IDLE (idle filters); 7.0 for the inspector's truth — XINFO STREAM
 * entries-added (rates), XINFO GROUPS lag and entries-read, XGROUP SETID ENTRIESREAD.
 */
export const REDIS_FLOOR = '6.2.0'
export const REDIS_FULL = '7.0.0'

export function parseVersion(text: string): [number, number, number] | null {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim())
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : null
}

function atLeast(version: [number, number, number], floor: string): boolean {
  const f = parseVersion(floor) as [number, number, number]
  for (let i = 0; i < 3; i++) if (version[i] !== f[i]) return (version[i] ?? 0) > (f[i] ?? 0)
  return true
}

/** What a server version means for Switchyard: an error below 6.2, a warning below 7.0, else nothing. */
export function judgeVersion(text: string): { ok: boolean; message: string | null } {
  const version = parseVersion(text)
  if (!version) return { ok: true, message: null } // a fork that hides its version: let the commands answer
  if (!atLeast(version, REDIS_FLOOR)) {
    return {
      ok: false,
      message: `Redis ${text} is too old: Switchyard needs Redis ${REDIS_FLOOR} or newer (XAUTOCLAIM, XTRIM MINID, XPENDING IDLE); ${REDIS_FULL} or newer for stream rates and group lag`,
    }
  }
  if (!atLeast(version, REDIS_FULL)) {
    return {
      ok: true,
      message: `Redis ${text}: agents run, but stream rates and group lag need Redis ${REDIS_FULL} or newer (XINFO entries-added, lag); they show as estimates or blanks`,
    }
  }
  return { ok: true, message: null }
}

/**
 * Asks the server its version once at connect; throws below the floor, answers the warning (if any)
 * otherwise. A server that cannot answer yet is not judged: the connection's own retries report it.
 */
export async function checkRedisVersion(redis: RedisClient): Promise<string | null> {
  let info: string
  try {
    info = await redis.info('server')
  } catch {
    return null
  }
  const version = /redis_version:([^\r\n]+)/.exec(info)?.[1]?.trim() ?? ''
  const verdict = judgeVersion(version)
  if (!verdict.ok) throw new Error(verdict.message ?? 'Redis too old')
  return verdict.message
}
