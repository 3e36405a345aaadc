import type { Redis } from 'ioredis'

/**
 * True when no consumer group of any stream has an entry pending or not yet
 * delivered: nothing is in flight, so no late (duplicate) result can follow.
 */
export async function streamsAreQuiet(client: Redis): Promise<boolean> {
  const streams: string[] = []
  let cursor = '0'
  do {
    const [next, keys] = await client.scan(cursor, 'COUNT', 1000, 'TYPE', 'stream')
    streams.push(...keys)
    cursor = next
  } while (cursor !== '0')
  for (const stream of streams) {
    const groups = (await client.call('XINFO', ['GROUPS', stream])) as unknown[][]
    for (const group of groups) {
      const info = new Map<string, unknown>()
      for (let i = 0; i + 1 < group.length; i += 2) info.set(String(group[i]), group[i + 1])
      if (Number(info.get('pending')) > 0) return false
      // lag is nil when Redis cannot tell (after deletions): count that as not quiet.
      if (info.get('lag') === null || Number(info.get('lag')) > 0) return false
    }
  }
  return true
}

/** How many connections are blocked in `command` right now (CLIENT LIST: cmd=…, flags with b). */
export async function clientsBlockedIn(client: Redis, command: string): Promise<number> {
  const list = String(await client.call('CLIENT', ['LIST']))
  return list
    .split('\n')
    .filter((line) => line.includes(` cmd=${command} `) && /\bflags=\w*b/.test(line)).length
}
