import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Cluster } from 'ioredis'
import { deadLetterStream } from '@shared/keys'
import { startTestCluster, type TestCluster } from '../../support/redis-cluster'
import { waitFor } from '../../support/wait'
import { keySlot } from '../../../src/main/redis/key-slot'
import { createHarnessOn, type Harness } from './harness'

let cluster: TestCluster
let h: Harness<Cluster>
/** One stream per master at least: key → the port of the master that owns it. */
const owners = new Map<string, number>()

beforeAll(async () => {
  cluster = await startTestCluster()
  h = createHarnessOn(() => cluster.client())
  for (let i = 0; new Set(owners.values()).size < 3 || owners.size < 6; i++) {
    const key = `stream:cluster:${i}`
    owners.set(key, (await cluster.masterOf(key)).port)
  }
  for (const key of owners.keys()) {
    await h.redis.xadd(key, '*', 'n', '1')
    await h.redis.xadd(key, '*', 'n', '2')
    await h.redis.xgroup('CREATE', key, 'g', '0')
    await h.redis.xreadgroup('GROUP', 'g', 'worker-1', 'COUNT', 2, 'STREAMS', key, '>')
  }
}, 120_000)

afterAll(async () => {
  await h?.close()
  await cluster?.stop()
})

const onMaster = (port: number): string[] => [...owners].filter(([, p]) => p === port).map(([key]) => key)

describe('the inspector on a 3-master Redis Cluster', () => {
  it('hashes keys to the slots CLUSTER KEYSLOT names, hash tags included', async () => {
    for (const key of ['stream:role:uppercase', '{stream:role:uppercase}:seen', 'result:3f1c', 'a{}b', 'x{y}z{w}', 'ünïcode']) {
      expect(keySlot(key), key).toBe(Number(await h.redis.call('CLUSTER', 'KEYSLOT', key)))
    }
  })

  it('lists the streams of every master in one topology, each with its groups read from its own node', async () => {
    expect(new Set(owners.values()).size).toBe(3)
    const snapshot = await h.ok('topology.snapshot', {})
    const keys = snapshot.streams.map((s) => s.key)
    for (const key of owners.keys()) expect(keys, key).toContain(key)
    for (const key of owners.keys()) {
      const info = snapshot.streams.find((s) => s.key === key)
      expect(info).toMatchObject({ length: 2, groups: [{ name: 'g', pending: 2, consumers: [{ name: 'worker-1', pending: 2 }] }] })
    }
    expect(snapshot.unreadable).toBeUndefined()
  })

  it('reads and claims pending entries on a key of each master, and acks them', async () => {
    for (const port of new Set(owners.values())) {
      const key = onMaster(port)[0]!
      const page = await h.ok('pending.list', { stream: key, group: 'g' })
      expect(page.total, key).toBe(2)
      expect(page.entries.map((e) => e.fields)).toEqual([{ n: '1' }, { n: '2' }])
      const ids = page.entries.map((e) => e.id)
      expect((await h.ok('pending.claim', { stream: key, group: 'g', consumer: 'rescuer', ids })).claimed).toEqual(ids)
      const claimed = await h.ok('pending.list', { stream: key, group: 'g', consumer: 'rescuer' })
      expect(claimed.entries.map((e) => e.deliveries)).toEqual([2, 2])
      expect(await h.ok('pending.ack', { stream: key, group: 'g', ids: [ids[0]!] })).toEqual({ acked: 1 })
    }
    const audit = await h.ok('audit.list', { count: 20 })
    expect(audit.filter((a) => a.action === 'pending.claim')).toHaveLength(3)
  })

  it('moves a pending entry to its dead-letter stream (another slot) and replays it', async () => {
    const key = [...owners.keys()].find((k) => keySlot(k) !== keySlot(deadLetterStream(k)))!
    const entry = (await h.ok('pending.list', { stream: key, group: 'g' })).entries.at(-1)!
    const id = entry.id
    expect(await h.ok('pending.deadLetter', { stream: key, group: 'g', ids: [id], reason: 'poison' })).toEqual({ moved: 1 })
    expect((await h.ok('pending.list', { stream: key, group: 'g' })).entries.map((e) => e.id)).not.toContain(id)
    const letters = await h.ok('deadLetters.list', { count: 100 })
    const letter = letters.find((l) => l.sourceId === id)
    expect(letter).toMatchObject({ deadLetterStream: deadLetterStream(key), sourceStream: key, reason: 'poison' })
    const replay = await h.ok('deadLetters.replay', { deadLetterStream: deadLetterStream(key), ids: [letter!.id] })
    expect(replay.replayed).toHaveLength(1)
    expect(await h.redis.xlen(deadLetterStream(key))).toBe(0)
    const newId = replay.replayed[0]!.newId
    const [readded] = await h.redis.xrange(key, newId, newId)
    expect(readded?.[1]).toEqual(Object.entries(entry.fields ?? {}).flat())
  })

  it('tails a stream on its own connection and pages it', async () => {
    const key = [...owners.keys()].at(-1)!
    const { tailId } = await h.ok('streams.tail.start', { stream: key })
    await h.redis.xadd(key, '*', 'n', 'live')
    await waitFor('the tail push', () => h.log.of('tail').some((b) => b.tailId === tailId && b.entries.some((e) => e.fields.n === 'live')))
    await h.ok('streams.tail.stop', { tailId })
    const page = await h.ok('streams.page', { stream: key, count: 1 })
    expect(page.entries[0]?.fields).toEqual({ n: 'live' })
  })

  it('waits for the results of injected messages whose result lists live in different slots', async () => {
    const sent = h.ok('inject.envelope', {
      target: { kind: 'role', name: 'nobody' },
      envelope: { payload: { text: 'hi' } },
      copies: 3,
      waitMs: 20_000,
    })
    const lists = await waitFor('three messages on the role stream', async () => {
      const rows = await h.redis.xrange('stream:role:nobody', '-', '+')
      return rows.length === 3 && rows.map(([, f]) => JSON.parse(f[f.indexOf('envelope') + 1]!) as { message_id: string })
    })
    expect(new Set(lists.map((m) => keySlot(`result:${m.message_id}`))).size).toBe(3)
    for (const message of lists) {
      const result = { ...message, kind: 'result', payload: { text: 'HI' } }
      await h.redis.lpush(`result:${message.message_id}`, JSON.stringify(result))
    }
    const answer = await sent
    expect(answer.results.map((r) => r?.message_id).sort()).toEqual(lists.map((m) => m.message_id).sort())
  })
})
