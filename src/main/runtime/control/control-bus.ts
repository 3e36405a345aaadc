// The control channel: commands and lifecycle events over pub/sub.
import type { RedisClient } from '../../redis/client-type'
import { BROADCAST_ALL, BROADCAST_STAT, broadcastRole } from '@shared/keys'
import type { LifecycleEvent } from './lifecycle'
import { normalizeLifecycleEvent, registryRowOf } from './lifecycle-event'
import { AGENT_REGISTRY } from '@shared/keys'

export const controlCommands = ['stop', 'start', 'pause', 'resume', 'reload'] as const
export type ControlCommand = (typeof controlCommands)[number]

export function parseControlMessage(text: string): ControlCommand | null {
  let command: unknown = text.trim()
  if (text.trim().startsWith('{')) {
    try {
      command = (JSON.parse(text) as { command?: unknown }).command
    } catch {
      return null
    }
  }
  return (controlCommands as readonly unknown[]).includes(command) ? (command as ControlCommand) : null
}

/**
 * The process's one subscriber connection: control commands on broadcast:all
 * and broadcast:role:{role}, lifecycle events on broadcast:role:stat.
 */
export class ControlBus {
  private readonly roles = new Set<string>()

  constructor(
    private readonly subscriber: RedisClient,
    private readonly onCommand: (command: ControlCommand, role: string | null) => void,
    private readonly onLifecycle: (event: LifecycleEvent) => void,
    /** Where events of agents that keep no registry row of their own (other languages) are recorded. */
    private readonly registry: RedisClient | null = null,
  ) {
    subscriber.on('message', (channel: string, message: string) => this.dispatch(channel, message))
  }

  async start(): Promise<void> {
    await this.subscriber.subscribe(BROADCAST_ALL, BROADCAST_STAT)
  }

  async watchRole(role: string): Promise<void> {
    if (this.roles.has(role)) return
    this.roles.add(role)
    await this.subscriber.subscribe(broadcastRole(role))
  }

  private dispatch(channel: string, message: string): void {
    if (channel === BROADCAST_STAT) {
      let raw: unknown
      try {
        raw = JSON.parse(message)
      } catch {
        return // Not ours to judge: other-language agents may publish other shapes.
      }
      const event = normalizeLifecycleEvent(raw)
      if (!event) return
      const { foreign, ...rest } = event
      if (foreign && this.registry && this.registry.status !== 'end') {
        this.registry.hset(AGENT_REGISTRY, rest.agent_id, registryRowOf(rest, 'lifecycle')).catch(() => undefined)
      }
      this.onLifecycle(rest)
      return
    }
    const command = parseControlMessage(message)
    if (!command) return
    if (channel === BROADCAST_ALL) this.onCommand(command, null)
    else if (channel.startsWith('broadcast:role:')) this.onCommand(command, channel.slice('broadcast:role:'.length))
  }
}
