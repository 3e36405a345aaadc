import type { Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { MAX_CLIENT_EVENT_BUFFER_BYTES } from '../../../src/main/host/ws-client'
import { waitFor } from '../../support/wait'
import { call, closed, mustOpen, startHostFixture, type HostFixture } from './host-fixture'

/** 240 events of 256 KiB: 60 MiB, far beyond the event bound and what loopback buffers hold. */
const EVENTS = 240
const EVENT_BYTES = 256 * 1024

/** The client's own socket underneath ws: paused, it reads nothing more from the host. */
const stopReading = (ws: WebSocket) => (ws as unknown as { _socket: Socket })._socket.pause()

describe('a WebSocket client that stops reading', () => {
  let f: HostFixture

  beforeAll(async () => {
    f = await startHostFixture()
  })
  afterAll(async () => {
    await f?.close()
  })

  it("has its events dropped instead of growing the host's queue, and the host serves the others", async () => {
    const token = f.host.token
    const slow = await mustOpen(f.wsUrl)
    slow.send(JSON.stringify({ type: 'subscribe', token, topic: 'stats', on: true }))
    // Frames are handled in order: once this is answered, the subscription is in place.
    expect(await call(slow, token, 1, 'connection.status', {})).toMatchObject({ result: { ok: true } })
    stopReading(slow)

    const point = { ts: 0, throughputByRole: {}, latencyByRole: {}, errors: 0, violations: 0, deadLetters: 0, padding: 'x'.repeat(EVENT_BYTES) }
    for (let i = 0; i < EVENTS; i++) f.session.bus.publish('stats', { ...point, ts: i })

    const other = await mustOpen(f.wsUrl)
    expect(await call(other, token, 2, 'connection.status', {})).toMatchObject({ result: { ok: true } })
    other.close()

    const gone = closed(slow)
    slow.terminate()
    await gone
    await waitFor('both clients released', () => f.outputs.length >= 2)
    const output = f.outputs.find((o) => o.droppedEvents > 0)
    expect(output, JSON.stringify(f.outputs)).toBeDefined()
    // Most of the 60 MiB never queued: at most the bound plus the one event that crossed it.
    expect(output!.droppedEvents).toBeGreaterThan(EVENTS / 2)
    expect(output!.peakBufferedBytes).toBeLessThanOrEqual(MAX_CLIENT_EVENT_BUFFER_BYTES + EVENT_BYTES + 1024)
  })
})
