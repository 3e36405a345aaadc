// Liveness and latency of the runtime's Redis, by PING.
import type { RedisClient } from '../../redis/client-type'

export interface RuntimeHealth {
  ok: boolean
  latencyMs: number | null
}

/** One PING: up with its latency, or down. */
export async function pingHealth(commands: RedisClient): Promise<RuntimeHealth> {
  const started = performance.now()
  try {
    await commands.ping()
    return { ok: true, latencyMs: performance.now() - started }
  } catch {
    return { ok: false, latencyMs: null }
  }
}
