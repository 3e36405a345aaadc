// The `switchyard review` command.
import { DOC_SUMMARY, reviewTypes } from '@shared/keys'
import { redisConfigFromEnv } from '../../redis/connection-config'
import { createRedisClientFor } from '../../redis/create-client'
import { AgentRuntime } from '../core/agent-runtime'
import { produceDocument } from '../agents/doc-producer'
import { runtimeOptionsFromEnv } from '../core/options'
import { exitCleanlyOnSignals } from './shutdown'
import { pipelineRoles } from '../agents/role-catalog'
import { parseReadReply } from '../reader/stream-entry'

/** `switchyard review FILE`: produces the chunks and waits for 4 summaries per chunk. */
export async function runReview(args: { docId: string; text: string; timeoutMs: number; local: boolean }): Promise<number> {
  const config = redisConfigFromEnv()
  const runtime = new AgentRuntime({ ...runtimeOptionsFromEnv(), redis: config })
  exitCleanlyOnSignals(() => runtime.close())
  await runtime.start().catch(async (error: unknown) => {
    await runtime.close()
    throw error
  })
  // After start: a Cluster detected behind a plain URL is in the runtime's config.
  const reader = createRedisClientFor(runtime.connectionConfig(), 'blocking')
  try {
    if (args.local) for (const role of pipelineRoles['doc-review']) await runtime.startRole(role)
    const start = (await reader.xrevrange(DOC_SUMMARY, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0'
    const chunkIds = await produceDocument(runtime.commandClient(), args.docId, args.text)
    const expected = chunkIds.length * reviewTypes.length
    console.log(`sent ${chunkIds.length} chunk(s) of ${args.docId}; waiting for ${expected} summaries`)
    let lastId = start
    let seen = 0
    const deadline = Date.now() + args.timeoutMs
    while (seen < expected && Date.now() < deadline) {
      const reply = await reader.call('XREAD', ['COUNT', 100, 'BLOCK', 1000, 'STREAMS', DOC_SUMMARY, lastId])
      for (const { id, fields: summary } of parseReadReply(reply, '')) {
        lastId = id
        const data = JSON.parse(summary.data ?? '{}') as Record<string, string>
        if (data.doc_id !== args.docId) continue
        seen += 1
        console.log(`[${data.type}] ${data.chunk_id}: ${(data.suggested_text ?? '').split('\n').pop()}`)
      }
    }
    if (seen < expected) console.error(`only ${seen} of ${expected} summaries within ${args.timeoutMs} ms (is a doc-review worker running?)`)
    return seen < expected ? 1 : 0
  } finally {
    reader.disconnect()
    await runtime.close()
  }
}
