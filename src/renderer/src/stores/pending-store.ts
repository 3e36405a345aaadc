import { create } from 'zustand'
import type { DeadLetter, PendingEntry } from '../../../shared/api'
import { errorText } from '../components/operator/format'
import { validatedCall, type Outcome } from '../components/operator/validated-call'

export const PENDING_PAGE_SIZE = 200
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
  total: number
  consumers: Array<{ name: string; pending: number }>
  nextCursor: string | null
  loading: boolean
  selected: Record<string, true>
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
  total: 0,
  consumers: [],
  nextCursor: null,
  loading: false,
  selected: {},
  stuckThresholdMs: DEFAULT_STUCK_MS,
  deadLetters: [],
  error: null,
  notice: null,
}

export const usePendingStore = create<PendingState>(() => initial)
const set = usePendingStore.setState
const get = usePendingStore.getState
let generation = 0

async function loadPage(after: string | undefined): Promise<void> {
  const { stream, group, consumer } = get()
  if (!stream || !group) return
  const mine = ++generation
  set({ loading: true })
  const outcome = await validatedCall('pending.list', {
    stream,
    group,
    count: PENDING_PAGE_SIZE,
    after,
    ...(consumer ? { consumer } : {}),
  })
  if (mine !== generation) return
  if (!outcome.ok) return set({ loading: false, error: outcome.message })
  const page = outcome.value
  const entries = after ? get().entries.concat(page.entries).slice(0, MAX_PENDING_ROWS) : page.entries
  const present = new Set(entries.map((e) => e.id))
  const selected = Object.fromEntries(Object.keys(get().selected).filter((id) => present.has(id)).map((id) => [id, true as const]))
  set({ entries, total: page.total, consumers: page.consumers, nextCursor: page.nextCursor, loading: false, selected, error: null })
}

export async function choosePending(stream: string, group: string): Promise<void> {
  set({ ...initial, stream, group, stuckThresholdMs: get().stuckThresholdMs, deadLetters: get().deadLetters })
  await loadPage(undefined)
}

export const refreshPending = (): Promise<void> => loadPage(undefined)

/** Narrows the list to one consumer's entries (null: the whole group). */
export async function filterConsumer(consumer: string | null): Promise<void> {
  set({ consumer, entries: [], selected: {}, nextCursor: null })
  await loadPage(undefined)
}

export async function loadMorePending(): Promise<void> {
  const { nextCursor, loading, entries } = get()
  if (!nextCursor || loading || entries.length >= MAX_PENDING_ROWS) return
  await loadPage(nextCursor)
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

export function setStuckThreshold(ms: number): void {
  if (Number.isFinite(ms) && ms >= 0) set({ stuckThresholdMs: ms })
}

const selectedIds = (): string[] => Object.keys(get().selected)

/** Runs one operator write, then reloads the list; the answer's text becomes the notice. */
async function act<T>(run: () => Promise<Outcome<T>>, describe: (value: T) => string): Promise<Outcome<T>> {
  const outcome = await run()
  if (outcome.ok) {
    set({ notice: describe(outcome.value), error: null, selected: {} })
    await refreshPending()
  }
  return outcome
}

function target(): { stream: string; group: string } {
  const { stream, group } = get()
  return { stream: stream ?? '', group: group ?? '' }
}

export const claimSelected = (consumer: string, minIdleMs: number) =>
  act(
    () => validatedCall('pending.claim', { ...target(), consumer, ids: selectedIds(), minIdleMs }),
    (v) => `Claimed ${v.claimed.length} to ${consumer}`,
  )

export const ackSelected = () =>
  act(() => validatedCall('pending.ack', { ...target(), ids: selectedIds() }), (v) => `Acknowledged ${v.acked}`)

export const deadLetterSelected = (reason: string) =>
  act(
    () => validatedCall('pending.deadLetter', { ...target(), ids: selectedIds(), reason }),
    (v) => `Moved ${v.moved} to the dead-letter stream`,
  )

export const previewClaimIdle = (minIdleMs: number) =>
  validatedCall('pending.claimIdle.preview', { ...target(), minIdleMs })

export const claimIdle = (consumer: string, minIdleMs: number) =>
  act(
    () => validatedCall('pending.claimIdle', { ...target(), consumer, minIdleMs }),
    (v) => `Claimed ${v.claimed} idle entries to ${consumer}${v.deleted.length ? ` (${v.deleted.length} were deleted)` : ''}`,
  )

export const deleteConsumer = (consumer: string) =>
  act(
    () => validatedCall('consumers.delete', { ...target(), consumer }),
    (v) => `Deleted consumer ${consumer}; ${v.pendingReleased} pending entries released`,
  )

/** Deletes the whole group (its pending list with it); the view then has no group. */
export async function deleteGroup(): Promise<Outcome<{ deleted: boolean }>> {
  const { stream, group } = target()
  const outcome = await validatedCall('groups.delete', { stream, group })
  if (outcome.ok) {
    const { stuckThresholdMs, deadLetters } = get()
    set({ ...initial, stuckThresholdMs, deadLetters, notice: `Deleted group ${group} of ${stream}` })
  }
  return outcome
}

export async function loadDeadLetters(): Promise<void> {
  const outcome = await validatedCall('deadLetters.list', { count: DEAD_LETTER_LIST_SIZE })
  if (outcome.ok) set({ deadLetters: outcome.value })
  else set({ error: outcome.message })
}

export async function replayDeadLetters(deadLetterStream: string, ids: string[]): Promise<Outcome<unknown>> {
  const outcome = await validatedCall('deadLetters.replay', { deadLetterStream, ids })
  if (outcome.ok) {
    set({ notice: `Replayed ${outcome.value.replayed.length} dead letters` })
    await loadDeadLetters()
  } else set({ error: outcome.message })
  return outcome
}

export function reportPendingError(err: unknown): void {
  set({ error: errorText(err) })
}
