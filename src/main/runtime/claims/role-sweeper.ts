// Per role: the periodic claim sweep and safe trim of its streams.
import type { RedisClient } from '../../redis/client-type'
import type { AgentInfo } from '@shared/api/models'
import { AGENT_REGISTRY, agentGroup, agentStream } from '@shared/keys'
import { agentKindOfInstance } from '../core/agent-brand'
import type { ResolvedRuntimeOptions } from '../core/options'
import { readAgentRegistry, REGISTRY_PRUNE_AFTER_SEC } from '../control/registry'
import type { StreamAgent } from '../core/stream-agent'
import type { ReceivedEntry } from '../reader/stream-entry'
import { sweepStalled, takeUndelivered } from './sweeper'
import { trimSafely } from '../hop/trim'
import { isCluster } from '../../redis/client-type'
import { trimSafelyOnCluster } from '../hop/cluster/cluster-sweeps'
import { isConnectionError } from '../core/async-utils'

/** How often the shared streams are trimmed: often enough that a busy stream never runs far past its cap. */
export const TRIM_INTERVAL_MS = 1_000

/**
 * Per role of this process: claims stalled entries of the role's shared
 * streams (and of dead agents' own streams) for a live local instance, and
 * trims the streams without dropping pending entries.
 */
export class RoleSweeper {
  readonly intervalMs: number
  private lastTrimMs = 0
  private running = false

  constructor(
    private readonly redis: RedisClient,
    private readonly options: ResolvedRuntimeOptions,
    private readonly agents: () => StreamAgent[],
    private readonly onError: (error: unknown) => void,
  ) {
    // Ticks at least as often as trimming needs; claims run every tick (XAUTOCLAIM is cheap when nothing is idle).
    this.intervalMs = Math.min(TRIM_INTERVAL_MS, Math.max(100, Math.round(options.claimIdleMs / 2)))
  }

  async tick(): Promise<void> {
    if (this.running) return
    this.running = true
    try {
      const trimNow = Date.now() - this.lastTrimMs >= TRIM_INTERVAL_MS
      if (trimNow) this.lastTrimMs = Date.now()
      const byRole = new Map<string, StreamAgent>()
      for (const agent of this.agents()) {
        if (agent.status !== 'idle' && agent.status !== 'busy') continue
        const current = byRole.get(agent.role)
        if (!current || (current.busy && !agent.busy)) byRole.set(agent.role, agent)
      }
      if (byRole.size === 0) return
      const registry = await readAgentRegistry(this.redis)
      await this.pruneRegistry(registry)
      const dead = registry.filter((a) => a.status === 'dead')
      for (const [role, agent] of byRole) {
        for (const input of agent.sharedInputs()) await this.sweepOne(agent, input)
        // By brand, not instanceof: a user's class may extend another copy of the SDK's BaseAgent.
        if (agentKindOfInstance(agent) === 'envelope') {
          for (const d of dead) {
            if (d.role === role) await this.sweepOne(agent, { stream: agentStream(d.agentId), group: agentGroup(d.agentId) }, true)
          }
        }
        if (trimNow) {
          const redis = this.redis
          const trim = (stream: string): Promise<number> =>
            isCluster(redis) ? trimSafelyOnCluster(redis, stream, this.options.streamMaxLen) : trimSafely(redis, stream, this.options.streamMaxLen)
          for (const input of agent.sharedInputs()) await trim(input.stream)
        }
      }
    } catch (error) {
      // Redis away (e.g. "Reached the max retries per request limit"): the next tick retries; not a worker error.
      if (!isConnectionError(error)) this.onError(error)
    } finally {
      this.running = false
    }
  }

  /** Rows of agents gone for REGISTRY_PRUNE_AFTER_SEC leave the registry, so it stays bounded. */
  private async pruneRegistry(registry: AgentInfo[]): Promise<void> {
    const cutoff = Date.now() / 1000 - REGISTRY_PRUNE_AFTER_SEC
    const gone = registry.filter((a) => (a.status === 'dead' || a.status === 'stopped') && a.lastHeartbeatTs < cutoff)
    if (gone.length > 0) await this.redis.hdel(AGENT_REGISTRY, ...gone.map((a) => a.agentId))
  }

  /** `orphaned`: the stream of a dead agent, whose never-delivered entries are taken too. */
  private async sweepOne(agent: StreamAgent, input: { stream: string; group: string }, orphaned = false): Promise<void> {
    let claimed: ReceivedEntry[]
    try {
      ;({ claimed } = await sweepStalled(this.redis, input, agent.agentId, {
        claimIdleMs: this.options.claimIdleMs,
        maxDeliveries: this.options.maxDeliveries,
        lockMs: this.intervalMs * 2,
      }))
      if (orphaned) claimed.push(...(await takeUndelivered(this.redis, input, agent.agentId)))
    } catch (error) {
      // A dead agent's stream that was drained and deleted, or a group an operator removed: nothing to claim.
      if (error instanceof Error && /NOGROUP|no such key/i.test(error.message)) return
      throw error
    }
    if (claimed.length > 0) void agent.processClaimed(claimed).catch((error) => this.onError(error))
  }
}
