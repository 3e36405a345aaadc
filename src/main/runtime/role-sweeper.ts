import type { Redis } from 'ioredis'
import type { AgentInfo } from '../../shared/api/models'
import { AGENT_REGISTRY, agentGroup, agentStream } from '../../shared/keys'
import { BaseAgent } from './base-agent'
import type { ResolvedRuntimeOptions } from './options'
import { readAgentRegistry, REGISTRY_PRUNE_AFTER_SEC } from './registry'
import type { StreamAgent } from './stream-agent'
import { sweepStalled } from './sweeper'
import { trimSafely } from './trim'

/** Trim every this many sweeps (trimming needs a few reads per stream). */
export const TRIM_EVERY_SWEEPS = 10

/**
 * Per role of this process: claims stalled entries of the role's shared
 * streams (and of dead agents' own streams) for a live local instance, and
 * trims the streams without dropping pending entries.
 */
export class RoleSweeper {
  readonly intervalMs: number
  private sweeps = 0
  private running = false

  constructor(
    private readonly redis: Redis,
    private readonly options: ResolvedRuntimeOptions,
    private readonly agents: () => StreamAgent[],
    private readonly onError: (error: unknown) => void,
  ) {
    this.intervalMs = Math.min(5_000, Math.max(100, Math.round(options.claimIdleMs / 2)))
  }

  async tick(): Promise<void> {
    if (this.running) return
    this.running = true
    try {
      this.sweeps += 1
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
        const inputs = agent.sharedInputs()
        if (agent instanceof BaseAgent) {
          for (const d of dead) if (d.role === role) inputs.push({ stream: agentStream(d.agentId), group: agentGroup(d.agentId) })
        }
        for (const input of inputs) await this.sweepOne(agent, input)
        if (this.sweeps % TRIM_EVERY_SWEEPS === 0) {
          for (const input of agent.sharedInputs()) await trimSafely(this.redis, input.stream, this.options.streamMaxLen)
        }
      }
    } catch (error) {
      this.onError(error)
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

  private async sweepOne(agent: StreamAgent, input: { stream: string; group: string }): Promise<void> {
    const { claimed } = await sweepStalled(this.redis, input, agent.agentId, {
      claimIdleMs: this.options.claimIdleMs,
      maxDeliveries: this.options.maxDeliveries,
      lockMs: this.intervalMs * 2,
    })
    if (claimed.length > 0) void agent.processClaimed(claimed).catch((error) => this.onError(error))
  }
}
