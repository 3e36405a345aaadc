import { create } from 'zustand'
import type { DeadLetter, PendingEntry, PendingPage } from '@shared/api'
import { errorText } from '../components/operator/format'
import { validatedCall } from '../components/operator/validated-call'

export const PENDING_PAGE_SIZE = 200
/** The most one request may ask for (the request schema's bound). */
const REFRESH_CHUNK = 1000
/** Rows of one group's pending list held at once. */
export const MAX_PENDING_ROWS = 10_000
/** Dead letters fetched for the list. */
export const DEAD_LETTER_LIST_SIZE = 200
export const DEFAULT_STUCK_MS = 60_000

export interface PendingState {
  stream: string | null
  group: string | null
  /** Only this consumer's entries; null for the whole group. */
  consumer: string | null
  entries: PendingEntry[]
  /** When the entries' idle times were read: the view adds the time since, so they tick. */
  loadedAtMs: number
  total: number
  consumers: PendingPage['consumers']
  nextCursor: string | null
  loading: boolean
  selected: Record<string, true>
  /** The entry opened in the side panel. */
  openedId: string | null
  stuckThresholdMs: number
  deadLetters: DeadLetter[]
  error: string | null
  /** What the last action did, for the operator. */
  notice: string | null
}

const initial: PendingState = {
  stream: null,
  group: null,
  consumer: null,
  entries: [],
  loadedAtMs: 0,
  total: 0,
  consumers: [],
  nextCursor: null,
  loading: false,
  selected: {},
  openedId: null,
  stuckThresholdMs: DEFAULT_STUCK_MS,
  deadLetters: [],
  error: null,
  notice: null,
}

export const usePendingStore = create<PendingState>(() => initial)
export const setPending = usePendingStore.setState
const get = usePendingStore.getState
let generation = 0

/** What survives a change of group: the operator's threshold and the dead letters. */
export const keptAcrossGroups = (): Partial<PendingState> => ({ stuckThresholdMs: get().stuckThresholdMs, deadLetters: get().deadLetters })

async function fetchPage(after: string | undefined, count: number) {
  const { stream, group, consumer } = get()
  if (!stream || !group) return null
  return validatedCall('pending.list', { stream, group, count, after, ...(consumer ? { consumer } : {}) })
}

function keepPresent<T>(record: Record<string, T>, present: Set<string>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([id]) => present.has(id)))
}

function apply(page: PendingPage, entries: PendingEntry[], loadedAtMs: number): void {
  const present = new Set(entries.map((e) => e.id))
  const openedId = get().openedId
  set({
    entries,
    loadedAtMs,
    total: page.total,
    consumers: page.consumers,
    nextCursor: page.nextCursor,
    loading: false,
    selected: keepPresent(get().selected, present),
    openedId: openedId && present.has(openedId) ? openedId : null,
    error: null,
  })
}
const set = setPending

/**
 * Reloads as many rows as are loaded now (at least a page), in chunks, so a
 * refresh after an action or a topology change never drops what was scrolled in.
 */
export async function refreshPending(): Promise<void> {
  const mine = ++generation
  // Whole pages: a partly filled last page takes in what arrived since.
  const pages = Math.max(1, Math.ceil(get().entries.length / PENDING_PAGE_SIZE))
  const want = Math.min(MAX_PENDING_ROWS, pages * PENDING_PAGE_SIZE)
  set({ loading: true })
  const startedAt = Date.now()
  let rows: PendingEntry[] = []
  let after: string | undefined
  for (;;) {
    const outcome = await fetchPage(after, Math.min(REFRESH_CHUNK, want - rows.length))
    if (mine !== generation || !outcome) return
    if (!outcome.ok) return set({ loading: false, error: outcome.message })
    rows = rows.concat(outcome.value.entries)
    if (!outcome.value.nextCursor || rows.length >= want) return apply(outcome.value, rows, startedAt)
    after = outcome.value.nextCursor
  }
}

export async function loadMorePending(): Promise<void> {
  const { nextCursor, loading, entries } = get()
  if (!nextCursor || loading || entries.length >= MAX_PENDING_ROWS) return
  const mine = ++generation
  set({ loading: true })
  const outcome = await fetchPage(nextCursor, PENDING_PAGE_SIZE)
  if (mine !== generation || !outcome) return
  if (!outcome.ok) return set({ loading: false, error: outcome.message })
  // Older rows keep their own read time: rebase their idle times onto this one.
  const now = Date.now()
  const shift = now - get().loadedAtMs
  const older = get().entries.map((e) => ({ ...e, idleMs: e.idleMs + shift }))
  apply(outcome.value, older.concat(outcome.value.entries).slice(0, MAX_PENDING_ROWS), now)
}

export async function choosePending(stream: string, group: string): Promise<void> {
  set({ ...initial, ...keptAcrossGroups(), stream, group })
  await refreshPending()
}

/** Narrows the list to one consumer's entries (null: the whole group). */
export async function filterConsumer(consumer: string | null): Promise<void> {
  set({ consumer, entries: [], selected: {}, nextCursor: null, openedId: null })
  await refreshPending()
}

export function toggleSelected(id: string): void {
  const selected = { ...get().selected }
  if (selected[id]) delete selected[id]
  else selected[id] = true
  set({ selected })
}

export function setSelection(ids: string[]): void {
  set({ selected: Object.fromEntries(ids.map((id) => [id, true as const])) })
}

export function openEntry(id: string | null): void {
  set({ openedId: id })
}

export function setStuckThreshold(ms: number): void {
  if (Number.isFinite(ms) && ms >= 0) set({ stuckThresholdMs: ms })
}

export async function loadDeadLetters(): Promise<void> {
  const outcome = await validatedCall('deadLetters.list', { count: DEAD_LETTER_LIST_SIZE })
  if (outcome.ok) set({ deadLetters: outcome.value })
  else set({ error: outcome.message })
}

export function reportPendingError(err: unknown): void {
  set({ error: errorText(err) })
}
