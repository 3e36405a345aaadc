import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { roleStream } from '@shared/keys'
import { awaitResult, sendEnvelope } from '../../../src/main/runtime'
import { createRuntimeHandlers, listAgents } from '../../../src/main/runtime/control/handlers'
import { findTraces } from '../../../src/main/inspector/traces/find-traces'
import { TopologyReader } from '../../../src/main/inspector/topology/topology-reader'
import { useRuntime } from '../runtime/runtime-fixture'
import { waitFor } from '../../support/wait'

const PYTHON = '/usr/bin/python3'
const AGENT = join(__dirname, '../../interop/reverse_agent.py')

/** The Python agent of test/interop, written from PROTOCOL.md alone, as a child process of the test. */
function startPythonAgent(url: string): { child: ChildProcess; ready: Promise<string>; exited: Promise<number | null>; output: () => string } {
  const child = spawn(PYTHON, [AGENT, '--url', url, '--role', 'reverse', '--heartbeat', '0.3'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const ready = waitFor('the Python agent says ready', () => /^ready (\S+)$/m.exec(output)?.[1] ?? null, 20_000)
  return { child, ready, exited, output: () => output }
}

describe('a Python agent written from PROTOCOL.md, beside Switchyard agents', () => {
  // Switchyard runs manager and uppercase; the Python process is the only `reverse`.
  const { server, runtime, client } = useRuntime({ heartbeatIntervalSec: 0.3 }, ['manager', 'uppercase'])
  let python: ReturnType<typeof startPythonAgent> | null = null
  afterAll(async () => {
    if (python && python.child.exitCode === null) {
      python.child.kill('SIGTERM')
      await python.exited
    }
  })

  it('serves the demo request, is listed, leaves its hop in the trace, and obeys pause, resume and stop', async () => {
    python = startPythonAgent(server.url)
    const agentId = await python.ready.catch((e: unknown) => {
      throw new Error(`${String(e)}\n${python?.output()}`)
    })
    const handlers = createRuntimeHandlers(() => runtime)

    const result = await runtime.request('conv-python', 'Hello, world!', { timeoutMs: 20_000 })
    expect(result.payload.text).toBe('!DLROW ,OLLEH')
    expect(result.trace.map((t) => t.role)).toEqual(['manager', 'uppercase', 'manager', 'reverse', 'manager'])
    expect(result.trace[3]?.agent_id).toBe(agentId)

    const listed = await waitFor('the Python agent listed with its runs', async () => {
      const me = (await handlers['agents.list']({})).find((a) => a.agentId === agentId)
      return me && me.runs >= 1 ? me : null
    }, 15_000)
    expect(listed).toMatchObject({ role: 'reverse', status: 'idle', source: 'lifecycle', local: false })

    const [trace] = await findTraces(client, { messageId: result.message_id })
    expect(trace?.complete).toBe(true)
    expect(trace?.hops.map((h) => [h.role, h.rebuilt ?? false])).toEqual([
      ['manager', false],
      ['uppercase', false],
      ['manager', false],
      ['reverse', true],
      ['manager', false],
    ])
    expect(trace?.hops[3]?.agentId).toBe(agentId)

    // The graph counts it as reverse's one running instance and draws its writes, learned from the envelopes' traces.
    const snapshot = await new TopologyReader(client).snapshot()
    expect(snapshot.graph.nodes.find((n) => n.id === 'role:reverse')).toMatchObject({ count: 1, health: 'ok' })
    const edges = snapshot.graph.edges.map((e) => `${e.kind} ${e.source} > ${e.target}`)
    expect(edges).toContain('writes role:reverse > stream:stream:role:manager')
    expect(edges).toContain('reads stream:stream:role:reverse > role:reverse')
    expect(snapshot.graph.nodes.some((n) => n.label.startsWith('stream:agent:'))).toBe(false)

    // pause on the role's channel: the agent says so, and an envelope for it waits undelivered.
    expect((await handlers['agents.broadcast']({ command: 'pause', role: 'reverse' })).receivers).toBeGreaterThan(0)
    await waitFor('the Python agent paused', async () => (await listAgents(runtime)).find((a) => a.agentId === agentId)?.status === 'paused', 15_000)
    const { envelope } = await sendEnvelope(client, { kind: 'role', name: 'reverse' }, { conversation_id: 'conv-paused', payload: { text: 'abc' } })
    const groups = (await client.xinfo('GROUPS', roleStream('reverse'))) as unknown[][]
    const group = groups.map((g) => Object.fromEntries(chunk(g))).find((g) => g.name === 'cg:role:reverse')
    expect(group).toMatchObject({ pending: 0, lag: 1 })

    // resume on broadcast:all: the waiting envelope is handled.
    await handlers['agents.broadcast']({ command: 'resume' })
    const waiter = client.duplicate()
    const answered = await awaitResult(waiter, envelope.result_list, 20_000)
    waiter.disconnect()
    expect(answered?.payload.text).toBe('cba')

    // stop on the role's channel: exit event, the process ends by itself.
    await handlers['agents.broadcast']({ command: 'stop', role: 'reverse' })
    expect(await python.exited).toBe(0)
    await waitFor('the Python agent listed as stopped', async () => (await listAgents(runtime)).find((a) => a.agentId === agentId)?.status === 'stopped', 15_000)
  })
})

function chunk(flat: unknown[]): Array<[string, unknown]> {
  const pairs: Array<[string, unknown]> = []
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([String(flat[i]), flat[i + 1]])
  return pairs
}
