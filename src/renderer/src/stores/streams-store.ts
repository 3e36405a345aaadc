import { create } from 'zustand'
import type { StreamEntry, TailBatch } from '@shared/api'
import { call, subscribe } from '../api/client'
import { errorText } from '../components/operator/format'
import { showToast } from '../components/operator/toasts'
import { validatedCall, type Outcome } from '../components/operator/validated-call'
import { appendOlder, MAX_STREAM_ROWS, prependNewer } from '../views/streams/row-buffer'

export const STREAM_PAGE_SIZE = 200

export type TailState = 'off' | 'starting' | 'live' | 'paused'
/** Why the tail is paused: the operator scrolled away, pressed Pause, or jumped back in time. */
export type PauseReason = 'scroll' | 'user' | 'jump' | null

export interface StreamsState {
  stream: string | null
  /** Newest first, at most MAX_STREAM_ROWS. */
  rows: StreamEntry[]
  length: number
  /** Cursor of the next older page; null at the stream's start. */
  olderCursor: string | null
  loadingOlder: boolean
  /** The rows start at the stream's newest entry (false after a jump). */
  atNewest: boolean
  selectedId: string | null
  tailId: string | null
  tailState: TailState
  pauseReason: PauseReason
  /** Entries the main side did not push because a batch was over its bound. */
  dropped: number
  /** Entries tailed while paused, oldest first (at most MAX_STREAM_ROWS), shown on resume. */
  held: StreamEntry[]
  /** Entries that arrived while paused ("N new"), held or not. */
  newWhilePaused: number
  /** The Streams filter's text (see entry-filter.ts). */
  filter: string
  error: string | null
}

const initial: StreamsState = {
  stream: null,
  rows: [],
  length: 0,
  olderCursor: null,
  loadingOlder: false,
  atNewest: true,
  selectedId: null,
  tailId: null,
  tailState: 'off',
  pauseReason: null,
  dropped: 0,
  held: [],
  newWhilePaused: 0,
  filter: '',
  error: null,
}

export const useStreamsStore = create<StreamsState>(() => initial)
const set = useStreamsStore.setState
const get = useStreamsStore.getState

// Bumped on every stream switch: answers for an older choice are dropped.
let generation = 0
// Tail pushes are only received while the Streams view is mounted; a tail
// started without a listener would lose its first batches (a gap).
let feedActive = false

async function stopTail(): Promise<void> {
  const { tailId } = get()
  if (!tailId) return
  set({ tailId: null })
  await call('streams.tail.stop', { tailId }).catch(() => undefined)
}

/** Starts tailing after the newest row shown, so nothing between page and tail is missed. */
async function startTail(): Promise<void> {
  const { stream, rows } = get()
  if (!stream) return
  const mine = generation
  set({ tailState: 'starting', pauseReason: null })
  try {
    const { tailId } = await call('streams.tail.start', { stream, fromId: rows[0]?.id ?? '0' })
    if (mine !== generation || get().tailState !== 'starting') {
      await call('streams.tail.stop', { tailId }).catch(() => undefined)
      return
    }
    set({ tailId, tailState: 'live' })
  } catch (err) {
    if (mine === generation) set({ tailState: 'off', error: errorText(err) })
  }
}

/** Shows a stream from its newest entry and tails it live. */
export async function openStream(stream: string): Promise<void> {
  await stopTail()
  generation += 1
  const mine = generation
  set({ ...initial, stream })
  if (!feedActive) return // the view opens it when it mounts (startStreamsFeed)
  try {
    const page = await call('streams.page', { stream, order: 'desc', count: STREAM_PAGE_SIZE })
    if (mine !== generation) return
    set({ rows: page.entries, length: page.length, olderCursor: page.nextCursor })
    await startTail()
  } catch (err) {
    if (mine === generation) set({ error: errorText(err) })
  }
}

export function receiveTail(batch: TailBatch): void {
  const state = get()
  if (batch.tailId !== state.tailId) return
  if (state.tailState === 'paused') {
    // The tail keeps running while paused: what arrives is counted and held, not shown.
    const held = state.held.concat(batch.entries)
    set({
      held: held.length > MAX_STREAM_ROWS ? held.slice(held.length - MAX_STREAM_ROWS) : held,
      newWhilePaused: state.newWhilePaused + batch.entries.length + batch.dropped,
      length: state.length + batch.entries.length + batch.dropped,
    })
    return
  }
  if (state.tailState !== 'live') return
  const { rows, trimmedOlder } = prependNewer(state.rows, batch.entries)
  set({
    rows,
    length: state.length + batch.entries.length + batch.dropped,
    dropped: state.dropped + batch.dropped,
    // Rows fell off the bottom: paging continues from the new bottom row.
    olderCursor: trimmedOlder ? (rows[rows.length - 1]?.id ?? null) : state.olderCursor,
  })
}

/** Pauses what is shown; the tail goes on underneath so "N new" keeps counting. */
export async function pauseTail(reason: Exclude<PauseReason, null>): Promise<void> {
  const { tailState } = get()
  if (tailState === 'off' && reason !== 'jump') return
  if (tailState === 'paused') return set({ pauseReason: reason === 'jump' ? 'jump' : get().pauseReason })
  set({ tailState: 'paused', pauseReason: reason, held: [], newWhilePaused: 0 })
}

/** Shows what was held while paused on top: no gap, no duplicate; reloads if more came than were held. */
export async function resumeTail(): Promise<void> {
  const { stream, atNewest, held, newWhilePaused, tailId } = get()
  if (!stream) return
  if (!atNewest || !tailId || newWhilePaused > held.length) return openStream(stream)
  const { rows, trimmedOlder } = prependNewer(get().rows, held)
  set({
    rows,
    held: [],
    newWhilePaused: 0,
    tailState: 'live',
    pauseReason: null,
    olderCursor: trimmedOlder ? (rows[rows.length - 1]?.id ?? null) : get().olderCursor,
  })
}

export function setFilter(filter: string): void {
  set({ filter })
}

export async function loadOlder(): Promise<void> {
  const { stream, olderCursor, loadingOlder, rows } = get()
  if (!stream || !olderCursor || loadingOlder || rows.length >= MAX_STREAM_ROWS) return
  const mine = generation
  set({ loadingOlder: true })
  try {
    const page = await call('streams.page', { stream, order: 'desc', count: STREAM_PAGE_SIZE, after: olderCursor })
    if (mine !== generation) return
    set({ rows: appendOlder(get().rows, page.entries), olderCursor: page.nextCursor, loadingOlder: false })
  } catch (err) {
    if (mine === generation) set({ loadingOlder: false, error: errorText(err) })
  }
}

/** Shows the stream from an id or a time downwards; the tail pauses until "Back to newest". */
export async function jumpTo(at: string | number): Promise<void> {
  const { stream } = get()
  if (!stream) return
  await pauseTail('jump')
  generation += 1
  const mine = generation
  try {
    const page = await call('streams.page', { stream, order: 'desc', count: STREAM_PAGE_SIZE, at })
    if (mine !== generation) return
    set({ rows: page.entries, olderCursor: page.nextCursor, atNewest: false, selectedId: page.entries[0]?.id ?? null, error: null })
  } catch (err) {
    if (mine === generation) set({ error: errorText(err) })
  }
}

export function selectEntry(id: string | null): void {
  set({ selectedId: id })
}

export function setStreamsError(error: string | null): void {
  set({ error })
}

/** While the Streams view is mounted: receive tail pushes; on leave, stop the tail. */
export function startStreamsFeed(): () => void {
  const unsubscribe = subscribe('tail', receiveTail)
  feedActive = true
  const { stream } = get()
  if (stream) void openStream(stream)
  return () => {
    feedActive = false
    unsubscribe()
    generation += 1
    void stopTail()
    set({ tailState: 'off', pauseReason: null })
  }
}

/** Trims the stream (MAXLEN or MINID) and reloads it; answers the outcome for the dialog. */
export async function trimStream(args: { stream: string; strategy: 'MAXLEN' | 'MINID'; threshold: number | string }): Promise<Outcome<{ deleted: number }>> {
  const outcome = await validatedCall('streams.trim', args)
  if (outcome.ok) {
    showToast(`Trimmed ${outcome.value.deleted} entries from ${args.stream}`)
    void openStream(args.stream)
  }
  return outcome
}
