import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { MAX_WS_FRAME_BYTES, WS_CLOSE_TOO_BIG } from '@shared/ws-protocol'
import { call, closed, mustOpen, nextFrame, startHostFixture, type Frame, type HostFixture } from './host-fixture'

/** Object.prototype as it was: any fuzzed frame that changed it has polluted the host. */
const PROBE_ID = 987_654_321
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',')

describe('no WebSocket frame can stop the host', () => {
  let f: HostFixture
  let ws: WebSocket
  let id = 1
  const status = async (socket: WebSocket) => call(socket, f.host.token, id++, 'connection.status', {})

  beforeAll(async () => {
    f = await startHostFixture()
    ws = await mustOpen(f.wsUrl)
  })
  afterAll(async () => {
    ws?.close()
    await f?.close()
  })

  it('closes the socket of a frame over 1 MiB with 1009, and goes on serving', async () => {
    const big = await mustOpen(f.wsUrl)
    const end = closed(big)
    big.send(JSON.stringify({ type: 'call', id: 1, token: f.host.token, method: 'connection.status', args: { pad: 'x'.repeat(MAX_WS_FRAME_BYTES) } }))
    expect((await end).code).toBe(WS_CLOSE_TOO_BIG)
    const later = await mustOpen(f.wsUrl)
    expect(await status(later)).toMatchObject({ result: { ok: true, value: { state: 'connected' } } })
    later.close()
  })

  it('answers a text frame of invalid UTF-8 with a protocol error, and the same socket still works', async () => {
    const answer = nextFrame(ws)
    ws.send(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), { binary: false })
    expect(await answer).toEqual({ type: 'error', message: 'frame is not valid UTF-8 text' })
    expect(await status(ws)).toMatchObject({ result: { ok: true } })
  })

  it('answers non-JSON, binary and shapeless frames with an error frame', async () => {
    for (const [payload, binary, message] of [
      ['not json', false, 'frame is not JSON'],
      ['{"a":1}', true, 'binary frames are not accepted'],
    ] as const) {
      const answer = nextFrame(ws)
      ws.send(payload, { binary })
      expect(await answer).toEqual({ type: 'error', message })
    }
    const answer = nextFrame(ws)
    ws.send(JSON.stringify({ type: 'nope', token: f.host.token }))
    expect(((await answer) as { message: string }).message).toMatch(/^bad frame: type: /)
  })

  it('survives fuzzed raw frames: oversized, invalid UTF-8, non-JSON, random JSON', async () => {
    const before = prototypeKeys()
    const token = f.host.token
    const frame = fc.oneof(
      fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ bytes: Buffer.from(bytes), binary: false })),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ bytes: Buffer.from(bytes), binary: true })),
      fc.string().map((text) => ({ bytes: Buffer.from(text), binary: false })),
      fc.jsonValue().map((json) => ({ bytes: Buffer.from(JSON.stringify(json)), binary: false })),
      fc.record({ type: fc.constantFrom('call', 'subscribe', '__proto__'), id: fc.anything(), method: fc.string(), topic: fc.string(), args: fc.jsonValue() })
        .map((r) => ({ bytes: Buffer.from(JSON.stringify({ ...r, token })), binary: false })),
      fc.constant({ bytes: Buffer.from(`{"token":"${token}","type":"call","id":1,"method":"x","__proto__":{"polluted":true}}`), binary: false }),
      fc.integer({ min: 1, max: 3 }).map((n) => ({ bytes: Buffer.alloc(MAX_WS_FRAME_BYTES + n, 0x20), binary: false })),
    )
    await fc.assert(
      fc.asyncProperty(frame, async ({ bytes, binary }) => {
        const socket = await mustOpen(f.wsUrl)
        const frames: Frame[] = []
        // A probe request after the fuzzed frame: its answer (or the socket's close) ends the round.
        const done = new Promise<{ closed: number } | null>((resolve) => {
          socket.on('message', (data) => {
            const parsed = JSON.parse(String(data)) as Frame
            frames.push(parsed)
            if (parsed.type === 'result' && parsed.id === PROBE_ID) resolve(null)
          })
          socket.once('close', (code) => resolve({ closed: code }))
        })
        socket.send(bytes, { binary })
        socket.send(JSON.stringify({ type: 'call', id: PROBE_ID, token, method: 'connection.status', args: {} }))
        const end = await done
        if (end) expect([WS_CLOSE_TOO_BIG, 4401]).toContain(end.closed)
        for (const seen of frames) expect(['error', 'result']).toContain(seen.type)
        socket.terminate()
      }),
      { numRuns: 60 },
    )
    expect(prototypeKeys()).toBe(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(await status(ws)).toMatchObject({ result: { ok: true } })
  })
})
