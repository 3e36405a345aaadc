import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, beforeAll } from 'vitest'
import { startEmbeddedRedis, type EmbeddedRedis } from '../../src/main/redis/embedded-redis'
import { lateBound } from './late-bound'

/**
 * A real redis-server of its own for one test file, on a free loopback port,
 * with its data in a temp folder removed afterwards. Use in beforeAll/afterAll.
 */
export async function startTestRedis(options: { appendOnly?: boolean } = {}): Promise<
  EmbeddedRedis & { dataDir: string; cleanup(): Promise<void> }
> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-test-redis-'))
  const server = await startEmbeddedRedis({ dataDir, appendOnly: options.appendOnly ?? false })
  return Object.assign(server, {
    dataDir,
    async cleanup() {
      await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  })
}

export type TestRedis = Awaited<ReturnType<typeof startTestRedis>>

/** For one test file or describe block: its own redis-server and a plain client, closed afterwards. */
export function useTestRedis(): { server: TestRedis; client: Redis } {
  let server: TestRedis | undefined
  let client: Redis | undefined
  beforeAll(async () => {
    server = await startTestRedis()
    client = new Redis(server.url)
  })
  afterAll(async () => {
    client?.disconnect()
    await server?.cleanup()
  })
  return { server: lateBound(() => server, 'server'), client: lateBound(() => client, 'client') }
}
