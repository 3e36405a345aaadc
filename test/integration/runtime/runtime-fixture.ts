import type { Redis } from 'ioredis'
import { afterAll, beforeAll } from 'vitest'
import { AgentRuntime, type RuntimeOptions } from '../../../src/main/runtime'
import { lateBound } from '../../support/late-bound'
import { useTestRedis, type TestRedis } from '../../support/redis'
export const DEMO_ROLES = ['manager', 'uppercase', 'reverse'] as const

/**
 * For one describe block: a redis-server of its own, a plain client, and a
 * runtime running `roles` on it; all closed afterwards.
 */
export function useRuntime(
  options: Omit<Partial<RuntimeOptions>, 'redis'> = {},
  roles: readonly string[] = DEMO_ROLES,
  prepare: (client: Redis) => Promise<unknown> = async () => undefined,
): { server: TestRedis; runtime: AgentRuntime; client: Redis } {
  const { server, client } = useTestRedis()
  let runtime: AgentRuntime | undefined
  beforeAll(async () => {
    await prepare(client)
    runtime = new AgentRuntime({ redis: { url: server.url }, statsDir: `${server.dataDir}/stats`, ...options })
    await runtime.start()
    for (const role of roles) await runtime.startRole(role)
  })
  afterAll(async () => {
    await runtime?.close()
  })
  return { server, runtime: lateBound(() => runtime, 'runtime'), client }
}
