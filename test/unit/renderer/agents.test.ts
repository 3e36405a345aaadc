import { describe, expect, it } from 'vitest'
import type { AgentInfo, TopologySnapshot } from '@shared/api'
import { agentsSelectors } from '../../../src/renderer/src/stores/agents-selectors'

const agent = (agentId: string, role: string, status: AgentInfo['status'], lastHeartbeatTs = 1000, local = false): AgentInfo => ({
  agentId, role, status, host: 'vm', pid: 42, local, runs: 0, avgTimeSec: 0, lastHeartbeatTs, startedTs: 0,
})

describe('the agents view selectors', () => {
  it('folds stopped and dead rows away once they are older than the threshold', () => {
    const agents = [agent('a', 'r', 'idle', 100), agent('b', 'r', 'stopped', 990), agent('c', 'r', 'dead', 900)]
    const { shown, folded } = agentsSelectors.split(agents, 1000, 60)
    expect(shown.map((a) => a.agentId)).toEqual(['a', 'b'])
    expect(folded.map((a) => a.agentId)).toEqual(['c'])
  })

  it('knows when a stop leaves a role with no running consumer on any host', () => {
    const agents = [agent('a', 'upper', 'idle', 1, true), agent('b', 'upper', 'paused'), agent('c', 'upper', 'stopped')]
    expect(agentsSelectors.stopsLastConsumer(agents, 'upper', ['a'])).toBe(false)
    expect(agentsSelectors.stopsLastConsumer(agents, 'upper', ['a', 'b'])).toBe(true)
    expect(agentsSelectors.countRunningLocal(agents, 'upper')).toBe(1)
    expect(agentsSelectors.countRunning(agents, 'upper')).toBe(2)
  })

  it("names the groups an agent reads through, leaving out its own agent stream's", () => {
    const group = (name: string, consumer: string) => ({ name, pending: 0, lastDeliveredId: '0-0', entriesRead: 0, lag: 0, consumers: [{ name: consumer, pending: 0, idleMs: 0, inactiveMs: null }] })
    const stream = (key: string, groups: ReturnType<typeof group>[]) => ({ key, length: 0, firstId: null, lastId: null, memoryBytes: null, ratePerSec: 0, groups })
    const snapshot = { streams: [stream('stream:role:upper', [group('cg:role:upper', 'a')]), stream('stream:agent:a', [group('cg:agent:a', 'a')])] } as unknown as TopologySnapshot
    expect(agentsSelectors.groupsOf(snapshot, agent('a', 'upper', 'idle'))).toEqual(['cg:role:upper'])
    expect(agentsSelectors.groupsOf(null, agent('z', 'tone', 'idle'))).toEqual(['cg:role:tone'])
  })

  it('reads the answers to a command from heartbeats sent after it, and tells processes apart by pid', () => {
    const sent = { command: 'pause' as const, role: 'tone', sentAtSec: 1000, receivers: 1 }
    const agents = [agent('a', 'tone', 'paused', 1001), agent('b', 'tone', 'paused', 900), agent('c', 'other', 'paused', 1001), agent('d', 'tone', 'idle', 1001)]
    expect(agentsSelectors.answers(agents, sent).map((a) => a.agentId)).toEqual(['a'])
    expect(agentsSelectors.answers(agents, { ...sent, command: 'resume' }).map((a) => a.agentId)).toEqual(['d'])
    expect(agentsSelectors.where(agent('a', 'tone', 'idle'))).toBe('vm · pid 42')
  })
})
