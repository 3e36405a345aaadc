import { isUtf8 } from 'node:buffer'
import type { RawData, WebSocket } from 'ws'
import { isTopic, type Topic } from '@shared/api'
import { parseWith } from '@shared/validate'
import { WS_CLOSE_UNAUTHORIZED, wsClientFrameSchema, type WsServerFrame } from '@shared/ws-protocol'
import type { Dispatch } from '../api/dispatch'
import type { EventBus } from '../app/event-bus'
import { ClientResources, type WatchCounts } from './client-resources'
import { tokenMatches } from './token'
import { logger } from '../log/logger'

/** Over this many queued bytes, events for the client are dropped (answers still go). */
export const MAX_CLIENT_EVENT_BUFFER_BYTES = 4 * 1024 * 1024
/** Over this, the client is too slow to serve at all and is closed. */
export const MAX_CLIENT_BUFFER_BYTES = 16 * 1024 * 1024
/** Bound on concurrent requests one client may have in flight. */
export const MAX_IN_FLIGHT_PER_CLIENT = 64
/** Close code for a frame without the right token (4000-4999: application codes). */
export const CLOSE_UNAUTHORIZED = WS_CLOSE_UNAUTHORIZED

/** What a client's output queue did, told when it is gone (tests, logs). */
export interface ClientOutput {
  /** Events not sent because the client read too slowly. */
  droppedEvents: number
  /** The most bytes ever queued for it (ws's buffer plus the socket's). */
  peakBufferedBytes: number
}

export interface ClientContext {
  token: string
  dispatch: Dispatch
  bus: EventBus
  watchCounts: WatchCounts
  /** Called once the client is gone and its tails and watches are released. */
  onReleased?: (resources: ClientResources, output: ClientOutput) => void
}

function asText(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)
}

/**
 * One WebSocket client: its subscriptions, its requests, its bounded output,
 * and the tails and watches it opened (released when it goes). Nothing a
 * client sends can throw out of here: a bad frame gets an `error` frame.
 */
export function serveClient(socket: WebSocket, context: ClientContext): void {
  const { token, bus } = context
  const subscriptions = new Map<Topic, () => void>()
  const resources = new ClientResources(context.dispatch, context.watchCounts)
  let inFlight = 0
  let droppedEvents = 0
  let peakBufferedBytes = 0

  const send = (frame: WsServerFrame, droppable: boolean): void => {
    if (socket.readyState !== socket.OPEN) return
    if (socket.bufferedAmount > MAX_CLIENT_BUFFER_BYTES) return socket.close(1013, 'client too slow')
    if (droppable && socket.bufferedAmount > MAX_CLIENT_EVENT_BUFFER_BYTES) {
      droppedEvents++
      return
    }
    let text: string
    try {
      text = JSON.stringify(frame)
    } catch (error) {
      text = JSON.stringify({ type: 'error', message: `answer could not be encoded: ${(error as Error).message}` })
    }
    socket.send(text)
    peakBufferedBytes = Math.max(peakBufferedBytes, socket.bufferedAmount)
  }
  const protocolError = (message: string) => send({ type: 'error', message }, false)

  const onFrame = (data: RawData, isBinary: boolean): void => {
    if (isBinary) return protocolError('binary frames are not accepted')
    const bytes = asText(data)
    // The server skips ws's own UTF-8 check (it would close the socket): answer instead.
    if (!isUtf8(bytes)) return protocolError('frame is not valid UTF-8 text')
    let json: unknown
    try {
      json = JSON.parse(bytes.toString('utf8'))
    } catch {
      return protocolError('frame is not JSON')
    }
    const token_ = typeof json === 'object' && json !== null ? (json as { token?: unknown }).token : undefined
    if (!tokenMatches(token, token_)) return socket.close(CLOSE_UNAUTHORIZED, 'missing or wrong token')
    const parsed = parseWith(wsClientFrameSchema, json)
    if (!parsed.ok) return protocolError(`bad frame: ${parsed.message}`)
    const frame = parsed.value
    if (frame.type === 'subscribe') {
      if (!isTopic(frame.topic)) return protocolError(`unknown topic: ${frame.topic}`)
      const topic = frame.topic
      subscriptions.get(topic)?.()
      subscriptions.delete(topic)
      if (frame.on) {
        const listener = (t: Topic, payload: unknown) => {
          if (resources.wants(t, payload)) send({ type: 'event', topic: t, payload }, true)
        }
        subscriptions.set(topic, bus.listen(topic, listener))
      }
      return
    }
    if (inFlight >= MAX_IN_FLIGHT_PER_CLIENT) {
      const result = { ok: false, error: { code: 'conflict', message: `over ${MAX_IN_FLIGHT_PER_CLIENT} requests in flight` } }
      return send({ type: 'result', id: frame.id, result }, false)
    }
    inFlight++
    void resources
      .call(frame.method, frame.args)
      .then((result) => send({ type: 'result', id: frame.id, result }, false))
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error)
        send({ type: 'result', id: frame.id, result: { ok: false, error: { code: 'internal', message } } }, false)
      })
      .finally(() => inFlight--)
  }

  socket.on('message', (data, isBinary) => {
    try {
      onFrame(data, isBinary)
    } catch (error) {
      protocolError(`frame refused: ${error instanceof Error ? error.message : String(error)}`)
    }
  })

  // ws emits 'error' for frames it refuses (too big, bad opcode) and then closes the
  // socket with the matching code (1009 for size); without a listener the process dies.
  socket.on('error', (error: Error & { code?: string }) => {
    logger('host').warn(`WebSocket client closed: ${error.code ?? ''} ${error.message}`.replace(/\s+/g, ' '))
  })

  socket.on('close', () => {
    for (const unsubscribe of subscriptions.values()) unsubscribe()
    subscriptions.clear()
    if (droppedEvents > 0) logger('host').warn(`a slow client missed ${droppedEvents} events`)
    void resources.release().finally(() => context.onReleased?.(resources, { droppedEvents, peakBufferedBytes }))
  })
}
