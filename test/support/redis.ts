import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmbeddedRedis, type EmbeddedRedis } from '../../src/main/redis/embedded-redis'

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
