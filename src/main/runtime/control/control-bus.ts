// The control channel: commands and lifecycle events over pub/sub.
import type { Cluster } from 'ioredis'
import { isCluster, type RedisClient } from '../../redis/client-type'
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

/** Every node of the Cluster (masters and replicas) as host:port, from CLUSTER NODES. */
async function clusterNodeAddresses(client: Cluster): Promise<string[]> {
  const text = String(await client.call('CLUSTER', ['NODES']))
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !/\b(fail|noaddr|handshake)\b/.test(line.split(' ')[2] ?? ''))
    .map((line) => (line.split(' ')[1] ?? '').split('@')[0] ?? '')
    .filter((address) => address !== '')
}

/** PUBSUB NUMSUB on one node: on the Cluster's own connection when it has one, else on a short one of the same settings. */
async function subscribersOn(client: Cluster, address: string, channel: string): Promise<number> {
  const known = client.nodes('all').find((node) => `${node.options.host}:${node.options.port}` === address)
  const colon = address.lastIndexOf(':')
  const node = known ?? client.nodes('all')[0]?.duplicate({ host: address.slice(0, colon), port: Number(address.slice(colon + 1)), lazyConnect: false, retryStrategy: () => null })
  if (!node) return 0
  try {
    return Number(((await node.call('PUBSUB', ['NUMSUB', channel])) as unknown[])[1] ?? 0)
  } catch {
    return 0
  } finally {
    if (!known) node.disconnect()
  }
}

/**
 * PUBLISH, answering how many subscribers got it. A Cluster delivers a
 * publish to the subscribers of every node, but PUBLISH counts only those of
 * the node it ran on: there the count is summed over every node, replicas
 * too (PUBSUB NUMSUB), a rare operator action.
 */
export async function publishCounted(client: RedisClient, channel: string, message: string): Promise<number> {
  const here = await client.publish(channel, message)
  if (!isCluster(client)) return here
  const addresses = await clusterNodeAddresses(client).catch(() => [])
  const counts = await Promise.all(addresses.map((address) => subscribersOn(client, address, channel)))
  return Math.max(here, counts.reduce((sum, n) => sum + n, 0))
}
