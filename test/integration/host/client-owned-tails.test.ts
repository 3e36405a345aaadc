import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { waitFor } from '../../support/wait'
import { call, closed, mustOpen, startHostFixture, type Frame, type HostFixture } from './host-fixture'

const CLIENTS = 20

describe('live tails belong to the client that opened them', () => {
  let f: HostFixture
  let probe: Redis
  /** Connections to the test Redis other than this probe's own. */
  const connections = async () => String(await probe.client('LIST')).trim().split('\n').length - 1

  beforeAll(async () => {
    f = await startHostFixture()
    probe = new Redis(f.redis.url)
    await probe.xadd('tail:s', '*', 'n', '0')
  })
  afterAll(async () => {
    probe?.disconnect()
    await f?.close()
  })

  it(`${CLIENTS} clients open tails and close: no tail and no extra Redis connection is left`, async () => {
    const baseline = await waitFor('a settled connection count', async () => {
      const n = await connections()
      return n > 0 && n
    })
    for (let round = 0; round < CLIENTS; round++) {
      const ws = await mustOpen(f.wsUrl)
      const answer = await call(ws, f.host.token, 1, 'streams.tail.start', { stream: 'tail:s', fromId: '0-0' })
      expect(answer).toMatchObject({ result: { ok: true } })
      const end = closed(ws)
      ws.close()
      await end
    }
    // The 17th and later would have been refused ("at most 16 live tails") if closed clients kept theirs.
    await waitFor('every client released', () => f.released.length >= CLIENTS)
    expect(f.session.inspector()!.tails.size).toBe(0)
    await waitFor('connections back to the baseline', async () => (await connections()) <= baseline, 20_000)
  }, 120_000)

  it("pushes a tail's entries only to its own client, and a client cannot stop another's tail", async () => {
    const owner = await mustOpen(f.wsUrl)
    const other = await mustOpen(f.wsUrl)
    const seen = (ws: WebSocket) => {
      const frames: Frame[] = []
      ws.on('message', (data) => frames.push(JSON.parse(String(data)) as Frame))
      return frames
    }
    const ownerFrames = seen(owner)
    const otherFrames = seen(other)
    for (const ws of [owner, other]) ws.send(JSON.stringify({ type: 'subscribe', token: f.host.token, topic: 'tail', on: true }))
    const started = (await call(owner, f.host.token, 1, 'streams.tail.start', { stream: 'tail:s', fromId: '$' })) as {
      result: { value: { tailId: string } }
    }
    const tailId = started.result.value.tailId
    const stolen = await call(other, f.host.token, 1, 'streams.tail.stop', { tailId })
    expect(stolen).toMatchObject({ result: { ok: false, error: { code: 'not_found' } } })
    await probe.xadd('tail:s', '*', 'n', 'pushed')
    await waitFor('the owner got the push', () => ownerFrames.some((fr) => fr.type === 'event' && fr.topic === 'tail'))
    // Both sockets are served in order: an answer to `other` after the push means it would have had it by now.
    await call(other, f.host.token, 2, 'connection.status', {})
    expect(otherFrames.filter((fr) => fr.type === 'event' && fr.topic === 'tail')).toEqual([])
    expect(await call(owner, f.host.token, 2, 'streams.tail.stop', { tailId })).toMatchObject({ result: { ok: true } })
    owner.close()
    other.close()
  })

  it('pushes a watched trace only to the clients watching it, and a closed client gives up only its share', async () => {
    const [a, b, c] = await Promise.all([mustOpen(f.wsUrl), mustOpen(f.wsUrl), mustOpen(f.wsUrl)])
    const traces = (ws: WebSocket) => {
      const got: string[] = []
      ws.on('message', (data) => {
        const frame = JSON.parse(String(data)) as Frame & { payload?: { messageId?: string } }
        if (frame.type === 'event' && frame.topic === 'trace') got.push(frame.payload?.messageId ?? '')
      })
      return got
    }
    const [gotA, gotB, gotC] = [traces(a), traces(b), traces(c)]
    for (const ws of [a, b, c]) ws.send(JSON.stringify({ type: 'subscribe', token: f.host.token, topic: 'trace', on: true }))
    for (const ws of [a, b]) expect(await call(ws, f.host.token, 1, 'traces.watch', { messageId: 'm-watched' })).toMatchObject({ result: { ok: true } })
    await waitFor('three subscribers', () => f.session.bus.hasListeners('trace'))
    f.session.bus.publish('trace', { messageId: 'm-watched', conversationId: 'c', hops: [], complete: false })
    // Answers after the publish: each socket would have had the push by then.
    for (const ws of [a, b, c]) await call(ws, f.host.token, 2, 'connection.status', {})
    expect([gotA, gotB, gotC]).toEqual([['m-watched'], ['m-watched'], []])
    a.close()
    await waitFor('a released', () => f.released.length >= CLIENTS + 3)
    f.session.bus.publish('trace', { messageId: 'm-watched', conversationId: 'c', hops: [], complete: false })
    await call(b, f.host.token, 3, 'connection.status', {})
    expect(gotB).toEqual(['m-watched', 'm-watched'])
    b.close()
    c.close()
  })
})
