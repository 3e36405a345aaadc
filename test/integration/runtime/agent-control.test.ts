import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AGENT_REGISTRY, BROADCAST_STAT, agentStream } from '@shared/keys'
import { AgentRuntime, createRuntimeHandlers, readAgentRegistry, sendEnvelope, awaitResult, type LifecycleEvent } from '../../../src/main/runtime'
import { startTestRedis } from '../../support/redis'
import { waitFor } from '../../support/wait'

describe('starting, scaling and stopping agents through the agents.* handlers', () => {
  let server: Awaited<ReturnType<typeof startTestRedis>>
  let runtime: AgentRuntime
  let client: Redis
  let listener: Redis
  const heard: LifecycleEvent[] = []
  const handlers = () => createRuntimeHandlers(() => runtime)

  beforeAll(async () => {
    server = await startTestRedis()
    client = new Redis(server.url)
    listener = new Redis(server.url)
    await listener.subscribe(BROADCAST_STAT)
    listener.on('message', (_channel: string, message: string) => heard.push(JSON.parse(message) as LifecycleEvent))
    runtime = new AgentRuntime({ redis: { url: server.url }, statsDir: `${server.dataDir}/stats`, heartbeatIntervalSec: 0.2 })
    await runtime.start()
  })

  afterAll(async () => {
    await runtime?.close()
    listener?.disconnect()
    client?.disconnect()
    await server?.cleanup()
  })

  it('lists the roles of both pipelines', async () => {
    const roles = await handlers()['agents.roles']({})
    expect(roles.map((r) => r.role)).toEqual(['manager', 'uppercase', 'reverse', 'stats', 'coordinator', 'grammar', 'clarity', 'tone', 'structure', 'aggregator'])
  })

  it('starts instances that announce themselves (init, heartbeats) on broadcast:role:stat', async () => {
    const started = await handlers()['agents.start']({ role: 'uppercase', instances: 2 })
    expect(started).toHaveLength(2)
    expect(started.every((a) => a.local && a.role === 'uppercase' && a.status === 'idle')).toBe(true)
    await waitFor('init and heartbeat events of both', () =>
      started.every((a) => heard.some((e) => e.agent_id === a.agentId && e.event === 'init') && heard.some((e) => e.agent_id === a.agentId && e.event === 'heartbeat')),
    )
    const event = heard.find((e) => e.event === 'heartbeat')!
    expect(event).toMatchObject({ kind: 'status', role: 'uppercase', busy: false })
    expect(typeof event.ts).toBe('number')
  })

  it('scales a role up and down', async () => {
    expect(await handlers()['agents.scale']({ role: 'uppercase', instances: 3 })).toHaveLength(3)
    expect(await handlers()['agents.scale']({ role: 'uppercase', instances: 1 })).toHaveLength(1)
    expect(runtime.localAgents().filter((a) => a.role === 'uppercase')).toHaveLength(1)
  })

  // How soon it is served (the doorbell, not the BLOCK cap) is test/integration/runtime/doorbell.test.ts.
  it('serves a message sent to one agent\'s own stream by that agent', async () => {
    const [agent] = runtime.localAgents().filter((a) => a.role === 'uppercase')
    const { envelope } = await sendEnvelope(client, { kind: 'agent', name: agent!.agentId }, {
      conversation_id: 'direct', sender_role: 'external', payload: { text: 'direct' },
    })
    const waiter = new Redis(server.url)
    const result = await awaitResult(waiter, envelope.result_list, 5000)
    waiter.disconnect()
    expect(result?.payload.text).toBe('DIRECT')
    expect(result?.trace[0]?.agent_id).toBe(agent!.agentId)
    expect(await client.exists(agentStream(agent!.agentId))).toBe(1)
  })

  it('stops an agent by id and a role by name; stopped agents stay visible as stopped, then exit is announced', async () => {
    const [agent] = runtime.localAgents()
    expect(await handlers()['agents.stop']({ agentId: agent!.agentId, drain: true })).toEqual({ stopped: [agent!.agentId] })
    await waitFor('the exit event', () => heard.some((e) => e.agent_id === agent!.agentId && e.event === 'exit'))
    expect(await client.exists(agentStream(agent!.agentId))).toBe(0) // drained: its own stream is gone
    await handlers()['agents.start']({ role: 'reverse', instances: 1 })
    const { stopped } = await handlers()['agents.stop']({ role: 'reverse', drain: false })
    expect(stopped).toHaveLength(1)
    const registry = await readAgentRegistry(client)
    expect(registry.find((a) => a.agentId === agent!.agentId)?.status).toBe('stopped')
    expect(await client.hlen(AGENT_REGISTRY)).toBeGreaterThanOrEqual(2)
    await expect(handlers()['agents.stop']({ agentId: 'elsewhere:1:1', drain: true })).rejects.toMatchObject({ code: 'not_found' })
  })

  it('reaches agents in every process by broadcast: each process answers once, each agent reloads', async () => {
    const otherHost = new AgentRuntime({ redis: { url: server.url }, statsDir: `${server.dataDir}/stats2` })
    try {
      const [remote] = await otherHost.startRole('manager')
      const [local] = await runtime.startRole('manager')
      expect(await handlers()['agents.broadcast']({ command: 'reload', role: 'manager' })).toEqual({ receivers: 2 })
      await waitFor('reload events of both managers', () =>
        [remote!, local!].every((a) => heard.some((e) => e.agent_id === a.agentId && e.event === 'reload')),
      )
      const listed = await handlers()['agents.list']({})
      expect(listed.find((a) => a.agentId === remote!.agentId)?.local).toBe(false)
      expect(listed.find((a) => a.agentId === local!.agentId)?.local).toBe(true)
    } finally {
      await otherHost.close()
    }
  })
})
