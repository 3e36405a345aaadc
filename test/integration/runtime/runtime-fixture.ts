import { Redis } from 'ioredis'
import { afterAll, beforeAll } from 'vitest'
import { AgentRuntime, type RuntimeOptions } from '../../../src/main/runtime'
import { lateBound } from '../../support/late-bound'
import { startTestRedis } from '../../support/redis'

type TestRedis = Awaited<ReturnType<typeof startTestRedis>>
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
  let server: TestRedis | undefined
  let runtime: AgentRuntime | undefined
  let client: Redis | undefined
  beforeAll(async () => {
    server = await startTestRedis()
    client = new Redis(server.url)
    await prepare(client)
    runtime = new AgentRuntime({ redis: { url: server.url }, statsDir: `${server.dataDir}/stats`, ...options })
    await runtime.start()
    for (const role of roles) await runtime.startRole(role)
  })
  afterAll(async () => {
    await runtime?.close()
    client?.disconnect()
    await server?.cleanup()
  })
  return {
    server: lateBound(() => server, 'server'),
    runtime: lateBound(() => runtime, 'runtime'),
    client: lateBound(() => client, 'client'),
  }
}
