import { create } from 'zustand'
import { JOURNAL_STREAM } from '@shared/keys'
import { call } from '../api/client'
import { errorText } from '../components/operator/format'
import { summarizeJournal, type RecentTrace, type TraceOutcome } from '../views/traces/recent-traces'

/** Journal entries read for the recent list (newest first); one page of streams.page at most. */
export const RECENT_JOURNAL_ENTRIES = 1000

export interface RecentTracesState {
  traces: RecentTrace[]
  search: string
  outcome: TraceOutcome | 'all'
  loading: boolean
  loadedAt: number | null
  error: string | null
}

export const useRecentTracesStore = create<RecentTracesState>(() => ({
  traces: [],
  search: '',
  outcome: 'all',
  loading: false,
  loadedAt: null,
  error: null,
}))
const set = useRecentTracesStore.setState

/** Reads the journal's newest entries and groups them by message. */
export async function loadRecentTraces(): Promise<void> {
  set({ loading: true })
  try {
    const page = await call('streams.page', { stream: JOURNAL_STREAM, order: 'desc', count: RECENT_JOURNAL_ENTRIES })
    set({ traces: summarizeJournal(page.entries), loading: false, loadedAt: Date.now(), error: null })
  } catch (err) {
    set({ loading: false, error: errorText(err) })
  }
}

export function setRecentSearch(search: string): void {
  set({ search })
}

export function setRecentOutcome(outcome: TraceOutcome | 'all'): void {
  set({ outcome })
}
