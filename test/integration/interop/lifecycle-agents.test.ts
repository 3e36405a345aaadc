import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BROADCAST_STAT } from '@shared/keys'
import { AgentRuntime } from '../../../src/main/runtime'
import { listAgents } from '../../../src/main/runtime/control/handlers'
import { FINAL_STATS_FILE, LIVE_STATS_FILE } from '../../../src/main/runtime/stats/stats-agent'
import { useTestRedis } from '../../support/redis'
import { waitFor } from '../../support/wait'

/** Exactly the seed's six fields, as a Python agent written from seed 001 publishes them. */
const seedEvent = (event: string, agentId: string, busy = false): string =>
  JSON.stringify({ kind: 'status', event, role: 'translate', agent_id: agentId, busy, ts: Date.now() / 1000 })

describe('agents known only by seed 001 lifecycle events', () => {
  const { server, client } = useTestRedis()

  it('are listed with status and last heartbeat, and both statistics files are written with them in the registry table', async () => {
    const statsDir = join(server.dataDir, 'stats-lifecycle')
    const runtime = new AgentRuntime({ redis: { url: server.url }, statsDir, reportIntervalSec: 0.2, heartbeatIntervalSec: 0.2 })
    try {
      await runtime.start()
      await runtime.startRole('stats')
      await client.publish(BROADCAST_STAT, seedEvent('init', 'py-host:4242:1'))
      // This one from Python itself (Debian's python3-redis), the seed's six fields and nothing else.
      const python = spawnSync('/usr/bin/python3', ['-c', [
        'import json, sys, time, redis',
        'r = redis.Redis.from_url(sys.argv[1])',
        `r.publish("${BROADCAST_STAT}", json.dumps({"kind": "status", "event": "heartbeat", "role": "translate", "agent_id": "py-host:4242:2", "busy": True, "ts": time.time()}))`,
      ].join('\n'), server.url], { encoding: 'utf8' })
      expect(python.status, python.stderr).toBe(0)
      // Not lifecycle events: must be ignored, never crash anything.
      await client.publish(BROADCAST_STAT, '{"kind":"status"}')
      await client.publish(BROADCAST_STAT, 'not json')
      await client.publish(BROADCAST_STAT, '{"kind":"status","agent_id":"x","role":7}')

      const agents = await waitFor('both lifecycle agents listed', async () => {
        const all = await listAgents(runtime)
        const foreign = all.filter((a) => a.agentId.startsWith('py-host:'))
        return foreign.length === 2 ? foreign : null
      }, 15_000)
      expect(agents.map((a) => [a.agentId, a.role, a.status, a.source])).toEqual([
        ['py-host:4242:1', 'translate', 'idle', 'lifecycle'],
        ['py-host:4242:2', 'translate', 'busy', 'lifecycle'],
      ])
      for (const a of agents) expect(a.lastHeartbeatTs).toBeGreaterThan(Date.now() / 1000 - 60)
      expect(await listAgents(runtime)).not.toContainEqual(expect.objectContaining({ agentId: 'x' }))

      const live = await waitFor('the live statistics file lists them', () => {
        const path = join(statsDir, LIVE_STATS_FILE)
        const text = existsSync(path) ? readFileSync(path, 'utf8') : ''
        return text.includes('py-host:4242:2') ? text : null
      }, 15_000)
      expect(live).toMatch(/py-host:4242:1\s+translate\s+idle/)
      expect(live).toMatch(/py-host:4242:2\s+translate\s+busy/)

      await client.publish(BROADCAST_STAT, seedEvent('exit', 'py-host:4242:1'))
      await waitFor('the exit event marks it stopped', async () => (await listAgents(runtime)).find((a) => a.agentId === 'py-host:4242:1')?.status === 'stopped', 15_000)
    } finally {
      await runtime.close()
    }
    const final = readFileSync(join(statsDir, FINAL_STATS_FILE), 'utf8')
    expect(final).toMatch(/py-host:4242:1\s+translate\s+stopped/)
    expect(final).toContain('py-host:4242:2')
  })

  it('lists a consumer of a role group that sends no heartbeat at all, seen as consumer, with its idle time', async () => {
    const runtime = new AgentRuntime({ redis: { url: server.url }, statsDir: join(server.dataDir, 'stats-consumer') })
    try {
      await runtime.start()
      await client.xgroup('CREATE', 'stream:role:summarize', 'cg:role:summarize', '0', 'MKSTREAM')
      await client.xadd('stream:role:summarize', '*', 'envelope', '{}')
      await client.xreadgroup('GROUP', 'cg:role:summarize', 'silent-go-worker', 'COUNT', 1, 'STREAMS', 'stream:role:summarize', '>')
      const found = (await listAgents(runtime)).find((a) => a.agentId === 'silent-go-worker')
      expect(found).toMatchObject({
        role: 'summarize', source: 'consumer', status: 'busy', idleMs: expect.any(Number),
        consumerOf: { stream: 'stream:role:summarize', group: 'cg:role:summarize' },
      })
    } finally {
      await runtime.close()
    }
  })
})
