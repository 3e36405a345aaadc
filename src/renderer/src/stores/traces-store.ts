import { create } from 'zustand'
import { traceSchema, type Trace, type TraceHop } from '@shared/api'
import { parseWith } from '@shared/validate'
import { call, subscribe } from '../api/client'
import { errorText } from '../components/operator/format'
import { showToast } from '../components/operator/toasts'
import { validatedCall, type Outcome } from '../components/operator/validated-call'

/** Traces kept from one search (a conversation can hold many messages). */
export const MAX_TRACES_FOUND = 100
/** Hops kept per trace; the safety limit stops real ones at 50, this guards the page. */
export const MAX_TRACE_HOPS = 10_000

export type TraceQueryKind = 'message' | 'conversation'

export interface TracesState {
  traces: Trace[]
  traceIndex: number
  hopIndex: number
  playing: boolean
  /** message id being watched while in flight ('traces.watch'), or null. */
  watching: string | null
  loading: boolean
  searched: boolean
  error: string | null
}

const initial: TracesState = {
  traces: [],
  traceIndex: 0,
  hopIndex: 0,
  playing: false,
  watching: null,
  loading: false,
  searched: false,
  error: null,
}

export const useTracesStore = create<TracesState>(() => initial)
const set = useTracesStore.setState
const get = useTracesStore.getState

const bounded = (trace: Trace): Trace =>
  trace.hops.length > MAX_TRACE_HOPS ? { ...trace, hops: trace.hops.slice(0, MAX_TRACE_HOPS) } : trace

/** Opens the trace a deep link names (`#traces/<message_id>`), unless it is already shown. */
export async function openTraceLink(messageId: string): Promise<void> {
  const { traces, traceIndex, loading } = get()
  if (traces[traceIndex]?.messageId === messageId || loading) return
  await findTraces('message', messageId)
}

export async function findTraces(kind: TraceQueryKind, value: string): Promise<void> {
  const args = kind === 'message' ? { messageId: value.trim() } : { conversationId: value.trim() }
  set({ loading: true, error: null })
  const outcome = await validatedCall('traces.find', args)
  if (!outcome.ok) return set({ loading: false, error: outcome.message })
  set({ ...initial, traces: outcome.value.slice(0, MAX_TRACES_FOUND).map(bounded), searched: true })
  await selectTrace(0)
}

/** Shows one trace from its first hop; watches it when it has not reached a result list yet. */
export async function selectTrace(index: number): Promise<void> {
  const trace = get().traces[index]
  await unwatch()
  set({ traceIndex: index, hopIndex: 0, playing: false })
  if (trace && !trace.complete) await watch(trace.messageId)
}

async function watch(messageId: string): Promise<void> {
  set({ watching: messageId })
  try {
    const latest = await call('traces.watch', { messageId })
    if (latest) receiveTrace(latest)
  } catch (err) {
    set({ watching: null, error: errorText(err) })
  }
}

async function unwatch(): Promise<void> {
  const { watching } = get()
  if (!watching) return
  set({ watching: null })
  await call('traces.unwatch', { messageId: watching }).catch(() => undefined)
}

/** A watched trace gained hops: replace it; follow the newest hop if the operator was on the last one. */
export function receiveTrace(trace: Trace): void {
  const state = get()
  const index = state.traces.findIndex((t) => t.messageId === trace.messageId)
  if (index < 0) return
  const previous = state.traces[index]
  const traces = state.traces.slice()
  traces[index] = bounded(trace)
  const follow = index === state.traceIndex && previous && state.hopIndex >= previous.hops.length - 1
  set({ traces, hopIndex: follow ? Math.max(0, traces[index]!.hops.length - 1) : state.hopIndex })
  if (trace.complete && state.watching === trace.messageId) void unwatch()
}

function hopCount(): number {
  const { traces, traceIndex } = get()
  return traces[traceIndex]?.hops.length ?? 0
}

export function stepTo(index: number): void {
  const last = hopCount() - 1
  set({ hopIndex: Math.max(0, Math.min(last, Math.round(index))) })
}
export const stepFirst = (): void => stepTo(0)
export const stepLast = (): void => stepTo(hopCount() - 1)
export const stepPrev = (): void => stepTo(get().hopIndex - 1)
/** Returns false at the last hop, so "play" knows when to stop. */
export function stepNext(): boolean {
  if (get().hopIndex >= hopCount() - 1) return false
  stepTo(get().hopIndex + 1)
  return true
}

export function setPlaying(playing: boolean): void {
  if (playing && get().hopIndex >= hopCount() - 1) stepFirst()
  set({ playing })
}

/** Problems named in an import error; the rest are counted. */
const IMPORT_PROBLEMS_SHOWN = 2

/** A short sentence from a schema failure: the first paths that failed, not the whole dump. */
export function importProblem(fileName: string, schemaMessage: string): string {
  const problems = schemaMessage.split('; ')
  const named = problems.slice(0, IMPORT_PROBLEMS_SHOWN).join('; ')
  const more = problems.length > IMPORT_PROBLEMS_SHOWN ? ` (and ${problems.length - IMPORT_PROBLEMS_SHOWN} more)` : ''
  return `"${fileName}" is not a trace exported by Switchyard: ${named}${more}. Nothing was changed.`
}

/** A trace exported earlier (JSON file): checked against the schema, shown first, never watched. */
export async function importTrace(text: string, fileName = 'the file'): Promise<string | null> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return `"${fileName}" is not JSON, so it is not a trace export. Nothing was changed.`
  }
  const parsed = parseWith(traceSchema, json)
  if (!parsed.ok) return importProblem(fileName, parsed.message)
  await unwatch()
  const traces = [bounded(parsed.value), ...get().traces.filter((t) => t.messageId !== parsed.value.messageId)]
  set({ traces: traces.slice(0, MAX_TRACES_FOUND), traceIndex: 0, hopIndex: 0, playing: false, searched: true, error: null })
  return null
}

/** While the Traces view is mounted: receive 'trace' pushes; on leave stop watching. */
export function startTracesFeed(): () => void {
  const unsubscribe = subscribe('trace', receiveTrace)
  const { traces, traceIndex, watching } = get()
  const current = traces[traceIndex]
  if (current && !current.complete && !watching) void watch(current.messageId)
  return () => {
    unsubscribe()
    set({ playing: false })
    void unwatch()
  }
}

/** Sends the envelope as it left this hop to the stream it went to, so the pipeline runs again from there. */
export async function replayFromHop(hop: TraceHop): Promise<Outcome<{ ids: string[] }>> {
  const outcome = await validatedCall('streams.add', { stream: hop.destination, fields: { envelope: JSON.stringify(hop.envelope) } })
  if (outcome.ok) showToast(`Replayed to ${hop.destination} as ${outcome.value.ids[0] ?? '?'}`)
  return outcome
}
