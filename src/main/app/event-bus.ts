import type { EventOf, EventPublisher, Topic } from '@shared/api'

export type TopicListener = (topic: Topic, payload: unknown) => void

/**
 * Fans main-side events out to whoever listens (IPC windows, WebSocket
 * clients). Producers can ask `hasListeners` to skip work nobody will see.
 */
export class EventBus {
  private readonly byTopic = new Map<Topic, Set<TopicListener>>()

  readonly publish: EventPublisher = <T extends Topic>(topic: T, payload: EventOf<T>) => {
    const set = this.byTopic.get(topic)
    if (!set) return
    for (const listener of [...set]) {
      try {
        listener(topic, payload)
      } catch {
        // One broken client must not stop the others from getting the event.
      }
    }
  }

  listen(topic: Topic, listener: TopicListener): () => void {
    let set = this.byTopic.get(topic)
    if (!set) {
      set = new Set()
      this.byTopic.set(topic, set)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0 && this.byTopic.get(topic) === set) this.byTopic.delete(topic)
    }
  }

  hasListeners(topic: Topic): boolean {
    return (this.byTopic.get(topic)?.size ?? 0) > 0
  }
}
