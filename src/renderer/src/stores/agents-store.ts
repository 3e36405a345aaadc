import { create } from 'zustand'
import type { AgentInfo, RoleDescription } from '@shared/api'
import { subscribe } from '../api/client'
import { validatedCall, type Outcome } from '../components/operator/validated-call'
import type { AgentCommand, SentCommand } from './agents-selectors'

/** Stopped or dead rows older than this are folded away (the operator may change it; kept locally). */
export const DEFAULT_STALE_AFTER_SEC = 60
/** localStorage where there is one (the unit tests run without a DOM). */
type KeyValue = { getItem(key: string): string | null; setItem(key: string, value: string): void }
const storage = (): KeyValue | undefined => (globalThis as { localStorage?: KeyValue }).localStorage
const STALE_KEY = 'switchyard.agents.staleAfterSec'

export interface AgentsState {
  agents: AgentInfo[]
  roles: RoleDescription[]
  error: string | null
  /** What the last action did, in words. */
  notice: string | null
  /** The last broadcast command: its answers are read from the agents' next heartbeats. */
  lastCommand: SentCommand | null
  staleAfterSec: number
  showStale: boolean
}

function storedStaleAfter(): number {
  try {
    const value = Number(storage()?.getItem(STALE_KEY))
    return Number.isFinite(value) && value > 0 ? value : DEFAULT_STALE_AFTER_SEC
  } catch {
    return DEFAULT_STALE_AFTER_SEC
  }
}

export const useAgentsStore = create<AgentsState>(() => ({
  agents: [],
  roles: [],
  error: null,
  notice: null,
  lastCommand: null,
  staleAfterSec: storedStaleAfter(),
  showStale: false,
}))
const set = useAgentsStore.setState

const sortAgents = (agents: AgentInfo[]) =>
  [...agents].sort((a, b) => a.role.localeCompare(b.role) || a.agentId.localeCompare(b.agentId))

export function receiveAgents(agents: AgentInfo[]): void {
  set({ agents: sortAgents(agents), error: null })
}

export async function refreshAgents(): Promise<void> {
  const [agents, roles] = await Promise.all([validatedCall('agents.list', {}), validatedCall('agents.roles', {})])
  if (!agents.ok) return set({ error: agents.message })
  if (!roles.ok) return set({ error: roles.message })
  set({ agents: sortAgents(agents.value), roles: roles.value, error: null })
}

/**
 * Follows main's 'agents' pushes (registry merged with this process's own
 * agents). Not the topology's list: that one is the bare registry, without
 * knowing which agents are local, and the two would flap.
 */
export function followAgents(): () => void {
  const off = subscribe('agents', receiveAgents)
  void refreshAgents()
  return off
}

/** Runs one write, then reloads the list; success becomes the notice, failure the error. */
async function act<T>(work: Promise<Outcome<T>>, describe: (value: T) => string): Promise<Outcome<T>> {
  const outcome = await work
  if (outcome.ok) set({ notice: describe(outcome.value), error: null })
  else set({ error: outcome.message })
  await refreshAgents()
  return outcome
}

export const startRole = (role: string) =>
  act(validatedCall('agents.start', { role }), (started) => `Started ${started.length} ${role} agent(s) here`)

export const stopAgent = (agentId: string) =>
  act(validatedCall('agents.stop', { agentId }), () => `Stopped ${agentId}`)

export const stopLocalRole = (role: string) =>
  act(validatedCall('agents.stop', { role }), (v) => `Stopped ${v.stopped.length} ${role} agent(s) here`)

export const scaleRole = (role: string, instances: number) =>
  act(validatedCall('agents.scale', { role, instances: Math.max(0, Math.min(32, instances)) }), (running) => `${role}: ${running.length} running here`)

/** A broadcast command to one role's agents on every host (or to all agents without a role). */
export async function sendCommand(command: AgentCommand, role: string | null): Promise<Outcome<{ receivers: number }>> {
  const sentAtSec = Date.now() / 1000
  const outcome = await validatedCall('agents.broadcast', role ? { command, role } : { command })
  if (outcome.ok) {
    const who = role ? `role ${role}` : 'every agent'
    set({
      lastCommand: { command, role, sentAtSec, receivers: outcome.value.receivers },
      notice: `${command} sent to ${who}: ${outcome.value.receivers} process(es) listening`,
      error: null,
    })
  } else set({ error: outcome.message })
  return outcome
}

export function setStaleAfter(seconds: number): void {
  if (!Number.isFinite(seconds) || seconds <= 0) return
  set({ staleAfterSec: seconds })
  try {
    storage()?.setItem(STALE_KEY, String(seconds))
  } catch {
    // Storage may be off (private window): the setting lasts for this session.
  }
}

export function setShowStale(showStale: boolean): void {
  set({ showStale })
}
