import type { Envelope } from '@shared/envelope'
import type { DiffOp, Trace, TraceHop } from '@shared/api'
import type { TracesState } from './traces-store'

/** The seed's safety limits (MAX_PROCESS_COUNT, MAX_TOTAL_PROCESSING_TIME, MAX_ENVELOPE_AGE). */
export const PROCESS_COUNT_LIMIT = 50
export const PROCESSING_TIME_LIMIT_SEC = 300
export const AGE_LIMIT_SEC = 600

export interface WaterfallBar {
  index: number
  role: string
  agentId: string
  destination: string
  /** Seconds from the trace's first start. */
  offsetSec: number
  durationSec: number
  error: string | null
  violation: boolean
  /** Sent again (Replay from this hop): its process count went back. */
  replayed: boolean
}

export interface BudgetItem {
  name: 'process count' | 'processing time' | 'age'
  used: number
  limit: number
  /** What used and limit count: hops or seconds. */
  unit: 'hops' | 's'
  /** used / limit, 0..(over 1 when exceeded). */
  fraction: number
}

/** The hop's own trace entry: the last one its envelope carries when it left the hop. */
function ownEntry(hop: TraceHop) {
  return hop.envelope.trace[hop.envelope.trace.length - 1]
}

export const tracesSelectors = {
  currentTrace: (s: TracesState): Trace | undefined => s.traces[s.traceIndex],
  currentHop: (s: TracesState): TraceHop | undefined => s.traces[s.traceIndex]?.hops[s.hopIndex],
  hopCount: (s: TracesState): number => s.traces[s.traceIndex]?.hops.length ?? 0,

  /** Hops whose process count is not above every one before: a replay re-sent an earlier state. */
  replayedHops: (trace: Trace): boolean[] => {
    let highest = -Infinity
    return trace.hops.map((hop) => {
      const replayed = hop.envelope.process_count <= highest
      highest = Math.max(highest, hop.envelope.process_count)
      return replayed
    })
  },

  /**
   * What the first hop changed. The journal holds no state from before it, so
   * what is certain is shown: its own trace entry, its counts, and the payload
   * fields it left with (stage included) as additions.
   */
  firstHopChanges: (hop: TraceHop): DiffOp[] => {
    if (hop.diff.length > 0) return hop.diff
    const env = hop.envelope
    const ops: DiffOp[] = []
    const own = env.trace[env.trace.length - 1]
    if (own) ops.push({ op: 'add', path: `/trace/${env.trace.length - 1}`, after: { role: own.role, agent_id: own.agent_id, duration: own.duration } })
    ops.push({ op: 'replace', path: '/process_count', before: Math.max(0, env.process_count - 1), after: env.process_count })
    for (const [key, value] of Object.entries(env.payload)) ops.push({ op: 'add', path: `/payload/${key}`, after: value })
    return ops
  },

  waterfall: (trace: Trace): WaterfallBar[] => {
    const starts = trace.hops.map((hop) => ownEntry(hop)?.start_ts ?? hop.ts)
    const t0 = starts.length ? Math.min(...starts) : 0
    const replayed = tracesSelectors.replayedHops(trace)
    return trace.hops.map((hop, i) => {
      const entry = ownEntry(hop)
      return {
        replayed: replayed[i] ?? false,
        index: hop.index,
        role: hop.role,
        agentId: hop.agentId,
        destination: hop.destination,
        offsetSec: (starts[i] ?? t0) - t0,
        durationSec: entry?.duration ?? 0,
        error: entry?.error ?? null,
        violation: entry?.safety_violation === true,
      }
    })
  },

  /** Seconds from the first start to the last end: the waterfall's full width. */
  span: (bars: WaterfallBar[]): number => bars.reduce((max, b) => Math.max(max, b.offsetSec + b.durationSec), 0),

  /** How much of each safety limit the envelope had used when it left this hop. */
  budget: (env: Envelope, atSec: number): BudgetItem[] => {
    const age = env.create_ts > 0 ? Math.max(0, atSec - env.create_ts) : 0
    const item = (name: BudgetItem['name'], used: number, limit: number, unit: BudgetItem['unit']): BudgetItem => ({ name, used, limit, unit, fraction: used / limit })
    return [
      item('process count', env.process_count, PROCESS_COUNT_LIMIT, 'hops'),
      item('processing time', env.total_processing_time, PROCESSING_TIME_LIMIT_SEC, 's'),
      item('age', age, AGE_LIMIT_SEC, 's'),
    ]
  },
}
