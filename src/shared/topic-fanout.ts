// One fan-out of pushed events to the page's listeners, shared by both transports (the preload's IPC and the WebSocket).
import type { EventOf, Topic } from './api'

type Listener = (payload: unknown) => void

export interface TopicFanout {
  /** Adds a listener; answers the function that removes it. */
  subscribe<T extends Topic>(topic: T, listener: (payload: EventOf<T>) => void): () => void
  /** Hands a pushed event to every listener of its topic. */
  deliver(topic: Topic, payload: unknown): void
  /** Topics with at least one listener (to subscribe again after a reconnect). */
  topics(): Topic[]
}

/**
 * `toggle(topic, true)` runs when a topic gets its first listener and
 * `toggle(topic, false)` after its last one leaves, so the other side pushes
 * only what someone listens to. Removing a listener twice is harmless.
 */
export function createTopicFanout(toggle: (topic: Topic, on: boolean) => void): TopicFanout {
  const listeners = new Map<Topic, Set<Listener>>()
  return {
    subscribe(topic, listener) {
      let set = listeners.get(topic)
      if (!set) {
        set = new Set()
        listeners.set(topic, set)
        toggle(topic, true)
      }
      const wrapped = listener as Listener
      set.add(wrapped)
      return () => {
        const current = listeners.get(topic)
        if (!current?.delete(wrapped) || current.size > 0) return
        listeners.delete(topic)
        toggle(topic, false)
      }
    },
    deliver(topic, payload) {
      for (const listener of listeners.get(topic) ?? []) listener(payload)
    },
    topics: () => [...listeners.keys()],
  }
}
