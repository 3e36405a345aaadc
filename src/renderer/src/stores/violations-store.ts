import { create } from 'zustand'
import type { Violation } from '@shared/api'
import { subscribe } from '../api/client'
import { validatedCall } from '../components/operator/validated-call'
import { NO_VIOLATION_FILTER, type ViolationFilter } from './violations-selectors'

/** Violations held (newest first); older ones fall off. */
export const MAX_VIOLATIONS = 2_000
/** How many the first request asks for. */
export const VIOLATIONS_FIRST_LOAD = 500

export interface ViolationsState {
  violations: Violation[]
  countsByKind: Record<string, number>
  countsByRole: Record<string, number>
  loaded: boolean
  filter: ViolationFilter
  error: string | null
}

const initial: ViolationsState = { violations: [], countsByKind: {}, countsByRole: {}, loaded: false, filter: NO_VIOLATION_FILTER, error: null }
export const useViolationsStore = create<ViolationsState>(() => initial)
const set = useViolationsStore.setState
const get = useViolationsStore.getState

const bump = (counts: Record<string, number>, key: string): Record<string, number> => ({ ...counts, [key]: (counts[key] ?? 0) + 1 })

/** New violations pushed live: prepended once each; counts grow with them. */
export function receiveViolations(incoming: Violation[]): void {
  const state = get()
  const known = new Set(state.violations.map((v) => v.id))
  const fresh = incoming.filter((v) => !known.has(v.id))
  if (fresh.length === 0) return
  let { countsByKind, countsByRole } = state
  for (const v of fresh) {
    countsByKind = bump(countsByKind, v.kind)
    countsByRole = bump(countsByRole, v.role)
  }
  fresh.sort((a, b) => b.ts - a.ts)
  set({ violations: fresh.concat(state.violations).slice(0, MAX_VIOLATIONS), countsByKind, countsByRole })
}

export async function loadViolations(): Promise<void> {
  const outcome = await validatedCall('violations.list', { count: VIOLATIONS_FIRST_LOAD })
  if (!outcome.ok) return set({ error: outcome.message })
  const { violations, countsByKind, countsByRole } = outcome.value
  // Pushes that arrived during the request stay; the answer fills in below them.
  const pushed = get().violations
  const known = new Set(pushed.map((v) => v.id))
  const merged = pushed.concat(violations.filter((v) => !known.has(v.id))).slice(0, MAX_VIOLATIONS)
  set({ violations: merged, countsByKind, countsByRole, loaded: true, error: null })
}

export function startViolationsFeed(): () => void {
  const unsubscribe = subscribe('violations', receiveViolations)
  void loadViolations()
  return unsubscribe
}

export function setViolationFilter(patch: Partial<ViolationFilter>): void {
  set({ filter: { ...get().filter, ...patch } })
}
