import { z } from 'zod'

/**
 * Frames of the headless host's WebSocket. Client → host: a request, or a
 * (un)subscription. Host → client: an answer by id, or an event by topic.
 * Every client frame carries the page's token.
 */
export const MAX_WS_FRAME_BYTES = 1024 * 1024

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
