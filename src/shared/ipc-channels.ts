import type { Topic } from './api/events'

/**
 * The three Electron IPC channels. Owned by the contract (not the UI) so main
 * and preload agree without importing each other.
 */
export const CALL_CHANNEL = 'switchyard:call'
export const EVENT_CHANNEL = 'switchyard:event'
/** (topic, on: boolean): the window starts or stops listening to a topic. */
export const SUBSCRIBE_CHANNEL = 'switchyard:subscribe'

export interface EventMessage {
  topic: Topic
  payload: unknown
}
