import type { Redis } from 'ioredis'
import { RUNTIME_DEFAULTS } from '../../src/main/runtime/core/options'

/** Side keys are counted by these prefixes (per-message and per-conversation journal indexes, result lists). */
const SIDE_KEY_PATTERNS = ['switchyard:journal:msg:*', 'switchyard:journal:conv:*', 'result:*'] as const
/** SCAN stops counting a pattern here, so the report itself stays bounded. */
const SCAN_MAX = 2_000_000

export interface KeySizes {
  streams: Array<{ key: string; length: number; cap: number | null }>
  sideKeys: Record<string, number>
  usedMemoryMiB: number
  keys: number
}

function capOf(key: string): number | null {
  if (key === 'switchyard:journal') return RUNTIME_DEFAULTS.journalMaxLen
  if (key.startsWith('stream:')) return RUNTIME_DEFAULTS.streamMaxLen
  return null
}

async function countMatching(redis: Redis, pattern: string): Promise<number> {
  let cursor = '0'
  let count = 0
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 5_000)
    cursor = next
    count += keys.length
  } while (cursor !== '0' && count < SCAN_MAX)
  return count
}

/** Lengths of every stream (with its cap), counts of side keys, and Redis memory. */
export async function keySizes(redis: Redis): Promise<KeySizes> {
  const streams: KeySizes['streams'] = []
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(cursor, 'COUNT', 5_000, 'TYPE', 'stream')
    cursor = next
    for (const key of keys) streams.push({ key, length: await redis.xlen(key), cap: capOf(key) })
  } while (cursor !== '0')
  streams.sort((a, b) => a.key.localeCompare(b.key))
  const sideKeys: Record<string, number> = {}
  for (const pattern of SIDE_KEY_PATTERNS) sideKeys[pattern] = await countMatching(redis, pattern)
  const info = await redis.info('memory')
  const used = Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? 0)
  return { streams, sideKeys, usedMemoryMiB: Math.round((used / 1024 / 1024) * 10) / 10, keys: await redis.dbsize() }
}

export function printKeySizes(label: string, sizes: KeySizes): void {
  console.log(`${label}: ${sizes.keys} keys, Redis used_memory ${sizes.usedMemoryMiB} MiB`)
  for (const s of sizes.streams) {
    const over = s.cap !== null && s.length > s.cap * 1.1 ? '  OVER CAP' : ''
    console.log(`  stream ${s.key}: ${s.length}${s.cap !== null ? ` / cap ${s.cap}` : ''}${over}`)
  }
  for (const [pattern, n] of Object.entries(sizes.sideKeys)) console.log(`  side keys ${pattern}: ${n}`)
}
