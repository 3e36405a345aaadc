// Seed 001 taken literally, in its own process: one agent per role on its own connection,
// XREADGROUP COUNT 1, then an awaited XADD (or LPUSH), then an awaited XACK; no journal.
import { Redis } from 'ioredis'
import { hop, runRoles, groupOf, streamOf } from './demo-routing.mjs'

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

await runRoles(Redis, url, async (role, state) => {
  const r = new Redis(url, { maxRetriesPerRequest: null })
  const agentId = `literal:${role}`
  while (!state.closing) {
    const reply = await r.xreadgroup('GROUP', groupOf(role), agentId, 'COUNT', 1, 'BLOCK', 200, 'STREAMS', streamOf(role), '>')
    for (const [, entries] of reply ?? []) {
      for (const [id, fields] of entries) {
        const env = JSON.parse(fields[fields.indexOf('envelope') + 1])
        const to = hop(role, agentId, env)
        if (to.list) await r.lpush(to.list, JSON.stringify(env))
        else await r.xadd(to.stream, '*', 'envelope', JSON.stringify(env))
        await r.xack(streamOf(role), groupOf(role), id)
      }
    }
  }
  r.disconnect()
})
