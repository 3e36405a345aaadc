import { create } from 'zustand'
import type { AgentsModuleStatus } from '@shared/api'
import { validatedCall } from '../components/operator/validated-call'
import { refreshAgents } from './agents-store'

/** The app's agents module (the user's agent classes) as the Agents view shows it. */
export interface AgentsModuleState {
  status: AgentsModuleStatus | null
  /** The field's text, kept while the operator edits it. */
  draft: string
  busy: boolean
  notice: string | null
  error: string | null
}

export const useAgentsModuleStore = create<AgentsModuleState>(() => ({ status: null, draft: '', busy: false, notice: null, error: null }))
const set = useAgentsModuleStore.setState

export async function loadAgentsModule(): Promise<void> {
  const outcome = await validatedCall('agents.module', {})
  if (outcome.ok) set({ status: outcome.value, draft: outcome.value.path ?? '', error: outcome.value.error })
  else set({ error: outcome.message })
}

export const editAgentsModule = (draft: string): void => set({ draft })

/** Chooses the module (validated by main, which imports it); '' chooses none. */
export async function saveAgentsModule(): Promise<void> {
  set({ busy: true, notice: null, error: null })
  const outcome = await validatedCall('agents.setModule', { path: useAgentsModuleStore.getState().draft })
  if (outcome.ok) {
    const roles = outcome.value.roles
    set({ status: outcome.value, notice: roles.length ? `Running ${roles.join(', ')} from the module` : 'No agents module', error: outcome.value.error })
  } else set({ error: outcome.message })
  set({ busy: false })
  await refreshAgents()
}

/** Seed 001's reload: every process re-imports its module; this app's roles restart with a drain. */
export async function reloadAgentsModule(): Promise<void> {
  set({ busy: true, notice: null, error: null })
  const outcome = await validatedCall('agents.reload', {})
  if (outcome.ok) {
    const { roles, restarted, receivers } = outcome.value
    set({ notice: `Reloaded ${roles.join(', ') || 'no roles'} here (${restarted} instance(s) restarted); ${receivers} process(es) heard it` })
  } else set({ error: outcome.message })
  set({ busy: false })
  await Promise.all([refreshAgents(), loadAgentsModule()])
}
