import type { WebSocket } from 'ws'
import { isTopic, type Topic } from '../../shared/api'
import { parseWith } from '../../shared/validate'
import { wsClientFrameSchema, type WsServerFrame } from '../../shared/ws-protocol'
import type { Dispatch } from '../api/dispatch'
import type { EventBus } from '../app/event-bus'
import { tokenMatches } from './token'
import { logger } from '../log/logger'

/** Over this many queued bytes, events for the client are dropped (answers still go). */
export const MAX_CLIENT_EVENT_BUFFER_BYTES = 4 * 1024 * 1024
/** Over this, the client is too slow to serve at all and is closed. */
export const MAX_CLIENT_BUFFER_BYTES = 16 * 1024 * 1024
/** Bound on concurrent requests one client may have in flight. */
export const MAX_IN_FLIGHT_PER_CLIENT = 64
/** Close code for a frame without the right token (4000-4999: application codes). */
export const CLOSE_UNAUTHORIZED = 4401

/** One WebSocket client: its subscriptions, its requests, its bounded output. */
export function serveClient(socket: WebSocket, token: string, dispatch: Dispatch, bus: EventBus): void {
  const subscriptions = new Map<Topic, () => void>()
  let inFlight = 0
  let droppedEvents = 0

  const send = (frame: WsServerFrame, droppable: boolean): void => {
    if (socket.readyState !== socket.OPEN) return
    if (socket.bufferedAmount > MAX_CLIENT_BUFFER_BYTES) return socket.close(1013, 'client too slow')
    if (droppable && socket.bufferedAmount > MAX_CLIENT_EVENT_BUFFER_BYTES) {
      droppedEvents++
      return
    }
    socket.send(JSON.stringify(frame))
  }

  socket.on('message', (data, isBinary) => {
    if (isBinary) return send({ type: 'error', message: 'binary frames are not accepted' }, false)
    let json: unknown
    try {
      json = JSON.parse(data.toString())
    } catch {
      return send({ type: 'error', message: 'frame is not JSON' }, false)
    }
    const token_ = (json as { token?: unknown } | null)?.token
    if (!tokenMatches(token, token_)) return socket.close(CLOSE_UNAUTHORIZED, 'missing or wrong token')
    const parsed = parseWith(wsClientFrameSchema, json)
    if (!parsed.ok) return send({ type: 'error', message: `bad frame: ${parsed.message}` }, false)
    const frame = parsed.value
    if (frame.type === 'subscribe') {
      if (!isTopic(frame.topic)) return send({ type: 'error', message: `unknown topic: ${frame.topic}` }, false)
      const topic = frame.topic
      subscriptions.get(topic)?.()
      subscriptions.delete(topic)
      if (frame.on) subscriptions.set(topic, bus.listen(topic, (t, payload) => send({ type: 'event', topic: t, payload }, true)))
      return
    }
    if (inFlight >= MAX_IN_FLIGHT_PER_CLIENT) {
      const result = { ok: false, error: { code: 'conflict', message: `over ${MAX_IN_FLIGHT_PER_CLIENT} requests in flight` } }
      return send({ type: 'result', id: frame.id, result }, false)
    }
    inFlight++
    void dispatch(frame.method, frame.args)
      .then((result) => send({ type: 'result', id: frame.id, result }, false))
      .finally(() => inFlight--)
  })

  socket.on('close', () => {
    for (const unsubscribe of subscriptions.values()) unsubscribe()
    subscriptions.clear()
    if (droppedEvents > 0) logger('host').warn(`a slow client missed ${droppedEvents} events`)
  })
}
