import { Redis } from 'ioredis'
import { ENVELOPE_FIELD, resultListOf, type Envelope } from '@shared/envelope'
import { roleGroup, roleStream } from '@shared/keys'
import { nextManagerStep } from '../../src/main/runtime/agents/manager-steps'
import { ensureGroup } from '../../src/main/runtime/reader/ensure-group'

/**
 * Seed 001 taken literally: one agent per role, each on its own connection,
 * XREADGROUP COUNT 1, then an awaited XADD (or LPUSH), then an awaited XACK,
 * one message at a time. Same routing and trace as the runtime, no journal.
 */
export class SeedBaseline {
  private closing = false
  private readonly loops: Promise<void>[] = []
  private readonly clients: Redis[] = []

  constructor(private readonly url: string) {}

  async start(): Promise<void> {
    const setup = new Redis(this.url)
    for (const role of ['manager', 'uppercase', 'reverse']) await ensureGroup(setup, roleStream(role), roleGroup(role))
    setup.disconnect()
    for (const role of ['manager', 'uppercase', 'reverse']) {
      const client = new Redis(this.url, { maxRetriesPerRequest: null })
      this.clients.push(client)
      this.loops.push(this.loop(client, role))
    }
  }

  private async loop(r: Redis, role: string): Promise<void> {
    const agentId = `baseline:${role}`
    while (!this.closing) {
      let reply: unknown
      try {
        reply = await r.xreadgroup('GROUP', roleGroup(role), agentId, 'COUNT', 1, 'BLOCK', 200, 'STREAMS', roleStream(role), '>')
      } catch {
        if (this.closing) return
        continue
      }
      const streams = reply as Array<[string, Array<[string, string[]]>]> | null
      for (const [, entries] of streams ?? []) {
        for (const [id, fields] of entries) {
          const env = JSON.parse(fields[fields.indexOf(ENVELOPE_FIELD) + 1] ?? '{}') as Envelope
          const start = Date.now() / 1000
          env.target_role = env.sender_role
          env.target_list = null
          processAs(role, env)
          const end = Date.now() / 1000
          env.trace.push({ start_ts: start, role, agent_id: agentId, end_ts: end, duration: end - start, error: null })
          env.process_count += 1
          env.sender_role = role
          env.sender_agent_id = agentId
          if (env.target_list) await r.lpush(env.target_list, JSON.stringify(env))
          else await r.xadd(roleStream(env.target_role ?? 'manager'), '*', ENVELOPE_FIELD, JSON.stringify(env))
          await r.xack(roleStream(role), roleGroup(role), id)
        }
      }
    }
  }

  async close(): Promise<void> {
    this.closing = true
    await Promise.all(this.loops)
    for (const client of this.clients) client.disconnect()
  }
}

function processAs(role: string, env: Envelope): void {
  const text = String(env.payload.text ?? '')
  if (role === 'uppercase') env.payload.text = text.toUpperCase()
  else if (role === 'reverse') env.payload.text = Array.from(text).reverse().join('')
  else {
    const step = nextManagerStep(env)
    if (step.kind === 'forward') {
      env.payload.stage = step.stage
      env.target_role = step.role
    } else env.target_list = resultListOf(env)
  }
}
