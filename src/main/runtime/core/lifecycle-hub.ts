// Every agent's lifecycle events this process hears of, local and remote.
import type { RedisClient } from '../../redis/client-type'
import { AGENT_REGISTRY, BROADCAST_STAT } from '@shared/keys'
import type { AgentHeartbeat } from '@shared/records'
import type { LifecycleEvent } from '../control/lifecycle'

/**
 * Lifecycle events of every agent this process hears of: local ones are
 * delivered directly and published (broadcast:role:stat + the registry hash),
 * other hosts' arrive by pub/sub and are only delivered.
 */
export class LifecycleHub {
  private readonly listeners = new Set<(event: LifecycleEvent) => void>()

  constructor(
    private readonly commands: () => RedisClient | null,
    private readonly emit: (event: LifecycleEvent) => void,
  ) {}

  on(listener: (event: LifecycleEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  deliver(event: LifecycleEvent): void {
    for (const listener of this.listeners) listener(event)
    this.emit(event)
  }

  publish(event: LifecycleEvent): void {
    this.deliver(event)
    const commands = this.commands()
    if (!commands || commands.status === 'end') return
    const { kind: _kind, event: _event, envelopes: _envelopes, ...beat } = event
    const heartbeat: AgentHeartbeat = { ...beat, status: event.event === 'exit' ? 'stopped' : beat.status }
    commands
      .pipeline()
      .publish(BROADCAST_STAT, JSON.stringify(event))
      .hset(AGENT_REGISTRY, event.agent_id, JSON.stringify(heartbeat))
      .exec()
      .catch(() => undefined) // heartbeats are best effort: the next one repeats it
  }
}
