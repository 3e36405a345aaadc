import type { Result } from '../result'
import type { EventOf, Topic } from './events'
import type { Method, RequestInput } from './requests'
import type { ResponseOf } from './responses'

/**
 * The one contract between renderer and main. The preload exposes exactly this
 * object as `window.switchyard`; the WebSocket client implements it too, so the
 * renderer never knows which transport it got.
 */
export interface ControlApi {
  call<M extends Method>(method: M, args: RequestInput<M>): Promise<Result<ResponseOf<M>>>
  /** Returns the unsubscribe function. */
  subscribe<T extends Topic>(topic: T, listener: (payload: EventOf<T>) => void): () => void
}
