import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trimSafely } from '../../../src/main/runtime/hop/trim'
import { useTestRedis } from '../../support/redis'
import { waitFor } from '../../support/wait'

const { server, client: redis } = useTestRedis()

const STREAM = 'trim-race:stream'
/** Far below what the producer keeps in the stream, so every trim wants to cut. */
const CAP = 20
const ROUNDS = 30
/** Trims that must finish after a group's creation before its entries are counted. */
const TRIMS_AFTER_CREATION = 3

type Trim = (client: Redis, stream: string, maxLen: number) => Promise<number>

/**
 * The trim as it was before the script (issue 9 point 13): read the groups,
 * find the cut, then XTRIM, in three round trips. Kept here only as the
 * control that shows the race below is real.
 */
const splitTrim: Trim = async (client, stream, maxLen) => {
  // Before the producer's first entry there is no stream to trim (XINFO answers "no such key").
  if ((await client.exists(stream)) === 0) return 0
  const groups = (await client.xinfo('GROUPS', stream)) as unknown[][]
  const excess = (await client.xlen(stream)) - maxLen
  if (excess <= 0) return 0
  const head = (await client.xrange(stream, '-', '+', 'COUNT', excess + 1)) as Array<[string, string[]]>
  let min = head.at(-1)?.[0] ?? '0-0'
  for (const group of groups) {
    const delivered = String(group[group.indexOf('last-delivered-id') + 1])
    const [ms, seq] = delivered.split('-').map(Number)
    const next = `${ms}-${(seq ?? 0) + 1}`
    if (compareIds(next, min) < 0) min = next
  }
  return Number(await client.xtrim(stream, 'MINID', '~', min))
}

function compareIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number)
  const [bm = 0, bs = 0] = b.split('-').map(Number)
  return am !== bm ? am - bm : as - bs
}

/**
 * A producer keeps the stream far over its cap and a trimmer trims it back
 * without pause, each on its own connection. Meanwhile groups are created at
 * 0, one at a time; in the same MULTI the stream's oldest and newest ids and
 * its length are read, so exactly the entries the new group has not read are
 * known. After a few more trims, every one of them must still be there.
 * Returns how many such entries each round lost.
 */
async function raceGroupCreationAgainstTrims(trim: Trim, key: string): Promise<{ lost: number[]; removed: number }> {
  const producer = new Redis(server.url)
  const trimmer = new Redis(server.url)
  const creator = new Redis(server.url)
  let running = true
  let trims = 0
  let removed = 0
  const produce = (async () => {
    while (running) {
      const batch = producer.pipeline()
      for (let i = 0; i < 50; i++) batch.xadd(key, '*', 'n', String(i))
      await batch.exec()
    }
  })()
  const trimming = (async () => {
    while (running) {
      removed += await trim(trimmer, key, CAP)
      trims++
    }
  })()
  const lost: number[] = []
  try {
    for (let round = 0; round < ROUNDS; round++) {
      await waitFor('the stream over its cap', async () => (await redis.xlen(key)) > CAP * 5)
      const group = `late-${round}`
      const replies = (await creator
        .multi()
        .xgroup('CREATE', key, group, '0')
        .xrange(key, '-', '+', 'COUNT', 1)
        .xrevrange(key, '+', '-', 'COUNT', 1)
        .xlen(key)
        .exec()) as Array<[Error | null, unknown]>
      const oldest = (replies[1]?.[1] as Array<[string]>)[0]?.[0] ?? '0-0'
      const newest = (replies[2]?.[1] as Array<[string]>)[0]?.[0] ?? '0-0'
      const unread = Number(replies[3]?.[1])
      const trimsAtCreation = trims
      await waitFor('trims after the group was created', () => trims >= trimsAtCreation + TRIMS_AFTER_CREATION)
      const kept = (await redis.xrange(key, oldest, newest)).length
      lost.push(unread - kept)
      // Gone, the group no longer holds the trim back: the next round races a full cut again.
      await creator.xgroup('DESTROY', key, group)
    }
  } finally {
    running = false
    await Promise.all([produce, trimming])
    for (const c of [producer, trimmer, creator]) c.disconnect()
  }
  return { lost, removed }
}

describe('trimming while a consumer group is created (issue 9 point 13)', () => {
  beforeAll(async () => {
    // Small stream nodes: XTRIM MINID ~ then cuts close to the given id, as a big stream's trim does.
    await redis.config('SET', 'stream-node-max-entries', '4')
  })
  afterAll(async () => {
    await redis.config('SET', 'stream-node-max-entries', '100')
  })

  it('trimSafely (one script) never removes an entry a group created meanwhile has not read', async () => {
    const { lost, removed } = await raceGroupCreationAgainstTrims(trimSafely, `${STREAM}:script`)
    expect(removed).toBeGreaterThan(CAP * ROUNDS) // the trims really cut, between and around the groups
    expect(lost).toEqual(new Array<number>(ROUNDS).fill(0))
  })

  it('the race is real: the same trim in three round trips loses unread entries of such a group', async () => {
    const { lost } = await raceGroupCreationAgainstTrims(splitTrim, `${STREAM}:split`)
    expect(lost.filter((n) => n > 0).length).toBeGreaterThan(0)
  })
})
