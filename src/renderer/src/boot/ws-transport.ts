import type { ControlApi, Method, RequestInput, ResponseOf, Topic } from '@shared/api'
import type { Result } from '@shared/result'
import { createTopicFanout } from '@shared/topic-fanout'
import {
  frameBytes,
  MAX_WS_FRAME_BYTES,
  WS_CLOSE_TOO_BIG,
  WS_CLOSE_UNAUTHORIZED,
  type WsClientFrame,
  type WsServerFrame,
} from '@shared/ws-protocol'

/** Calls waiting for an answer; over this the call fails at once instead of queueing. */
export const MAX_PENDING_CALLS = 256
/** Reconnect delays to the host: doubling from 250 ms up to this. */
export const MAX_RECONNECT_DELAY_MS = 5_000

interface PendingCall {
  resolve: (result: Result<unknown>) => void
  frame: WsClientFrame
  sent: boolean
}

const failure = (code: 'not_connected' | 'unauthorized' | 'conflict' | 'invalid_request', message: string): Result<never> => ({
  ok: false,
  error: { code, message },
})

/**
 * The ControlApi over the headless host's WebSocket. Reconnects by itself
 * (the host may restart) and re-subscribes; every frame carries the token.
 */
export function createWsTransport(wsUrl: string, token: string): ControlApi {
  const pending = new Map<number, PendingCall>()
  let socket: WebSocket | null = null
  let nextId = 1
  let delay = 250
  let refused = false

  const sendFrame = (frame: WsClientFrame, text = JSON.stringify(frame)): boolean => {
    if (socket?.readyState !== WebSocket.OPEN) return false
    socket.send(text)
    return true
  }
  const fanout = createTopicFanout((topic, on) => sendFrame({ type: 'subscribe', token, topic, on }))

  function open(): void {
    const ws = new WebSocket(`${wsUrl}?token=${encodeURIComponent(token)}`)
    socket = ws
    ws.onopen = () => {
      delay = 250
      for (const topic of fanout.topics()) sendFrame({ type: 'subscribe', token, topic, on: true })
      for (const call of pending.values()) if (!call.sent) call.sent = sendFrame(call.frame)
    }
    ws.onmessage = (event: MessageEvent<string>) => {
      let frame: WsServerFrame
      try {
        frame = JSON.parse(event.data) as WsServerFrame
      } catch {
        return console.warn('switchyard host sent a frame that is not JSON')
      }
      if (frame.type === 'result') {
        const call = pending.get(frame.id)
        pending.delete(frame.id)
        call?.resolve(frame.result as Result<unknown>)
      } else if (frame.type === 'event') {
        fanout.deliver(frame.topic as Topic, frame.payload)
      } else {
        console.warn('switchyard host:', frame.message)
      }
    }
    ws.onclose = (event: CloseEvent) => {
      if (event.code === WS_CLOSE_UNAUTHORIZED) refused = true
      if (event.code === WS_CLOSE_TOO_BIG) console.warn(`switchyard host: a frame was over ${MAX_WS_FRAME_BYTES} bytes`)
      // Answers of calls sent on this socket are lost: fail them, keep unsent ones for the next.
      for (const [id, call] of pending) {
        if (!call.sent) continue
        pending.delete(id)
        call.resolve(failure('not_connected', 'the connection to the Switchyard host was lost'))
      }
      if (refused) return
      setTimeout(open, delay)
      delay = Math.min(delay * 2, MAX_RECONNECT_DELAY_MS)
    }
  }
  open()

  return {
    call<M extends Method>(method: M, args: RequestInput<M>): Promise<Result<ResponseOf<M>>> {
      if (refused) return Promise.resolve(failure('unauthorized', 'the host refused this page: reopen the printed URL'))
      if (pending.size >= MAX_PENDING_CALLS) return Promise.resolve(failure('conflict', 'too many requests waiting'))
      const id = nextId++
      const frame: WsClientFrame = { type: 'call', id, token, method, args }
      const text = JSON.stringify(frame)
      // The host closes the socket on a frame over its limit: refuse here, with the reason.
      const bytes = frameBytes(text)
      if (bytes > MAX_WS_FRAME_BYTES) {
        const limit = `${MAX_WS_FRAME_BYTES / 1024 / 1024} MiB`
        return Promise.resolve(failure('invalid_request', `${method}: the request is ${bytes} bytes, over the host's ${limit} limit`))
      }
      return new Promise((resolve) => {
        pending.set(id, { resolve: resolve as (r: Result<unknown>) => void, frame, sent: false })
        const call = pending.get(id)
        if (call) call.sent = sendFrame(frame, text)
      })
    },
    subscribe: fanout.subscribe,
  }
}
