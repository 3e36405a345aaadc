import { z } from 'zod'

/**
 * Frames of the headless host's WebSocket. Client → host: a request, or a
 * (un)subscription. Host → client: an answer by id, or an event by topic.
 * Every client frame carries the page's token.
 */
export const MAX_WS_FRAME_BYTES = 1024 * 1024

/**
 * Close codes the host uses. A frame over MAX_WS_FRAME_BYTES closes the socket
 * with 1009 (RFC 6455 "message too big"); a frame without the right token with
 * 4401. Anything else wrong with a frame (not UTF-8, not JSON, bad shape) is
 * answered with an `error` frame and the socket stays open.
 */
export const WS_CLOSE_TOO_BIG = 1009
export const WS_CLOSE_UNAUTHORIZED = 4401

export const wsClientFrameSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('call'),
    id: z.number().int().nonnegative(),
    token: z.string(),
    method: z.string().min(1),
    args: z.unknown(),
  }),
  z.object({
    type: z.literal('subscribe'),
    token: z.string(),
    topic: z.string().min(1),
    on: z.boolean(),
  }),
])
export type WsClientFrame = z.infer<typeof wsClientFrameSchema>

export type WsServerFrame =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; topic: string; payload: unknown }
  | { type: 'error'; message: string }

/** UTF-8 size of a frame's text, as the host counts it against MAX_WS_FRAME_BYTES. */
export function frameBytes(text: string): number {
  return new TextEncoder().encode(text).length
}
