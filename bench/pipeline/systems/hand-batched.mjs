// The best a hand-written pipeline does, in its own process: per role one connection,
// XREADGROUP COUNT 256, every output and one XACK for the whole batch in one pipeline; no journal,
// no validation, no exactly-once guard.
import { Redis } from 'ioredis'
import { hop, runRoles, groupOf, streamOf } from './demo-routing.mjs'

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const COUNT = 256

await runRoles(Redis, url, async (role, state) => {
  const r = new Redis(url, { maxRetriesPerRequest: null })
  const agentId = `batched:${role}`
  while (!state.closing) {
    const reply = await r.xreadgroup('GROUP', groupOf(role), agentId, 'COUNT', COUNT, 'BLOCK', 200, 'STREAMS', streamOf(role), '>')
    for (const [, entries] of reply ?? []) {
      const pipe = r.pipeline()
      const ids = []
      for (const [id, fields] of entries) {
        const env = JSON.parse(fields[fields.indexOf('envelope') + 1])
        const to = hop(role, agentId, env)
        if (to.list) pipe.lpush(to.list, JSON.stringify(env))
        else pipe.xadd(to.stream, '*', 'envelope', JSON.stringify(env))
        ids.push(id)
      }
      pipe.xack(streamOf(role), groupOf(role), ...ids)
      await pipe.exec()
    }
  }
  r.disconnect()
})
