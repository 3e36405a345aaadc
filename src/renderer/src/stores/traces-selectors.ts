import type { Envelope } from '../../../shared/envelope'
import type { Trace, TraceHop } from '../../../shared/api'
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
}

export interface BudgetItem {
  name: 'process count' | 'processing time' | 'age'
  used: number
  limit: number
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

  waterfall: (trace: Trace): WaterfallBar[] => {
    const starts = trace.hops.map((hop) => ownEntry(hop)?.start_ts ?? hop.ts)
    const t0 = starts.length ? Math.min(...starts) : 0
    return trace.hops.map((hop, i) => {
      const entry = ownEntry(hop)
      return {
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
    const item = (name: BudgetItem['name'], used: number, limit: number): BudgetItem => ({ name, used, limit, fraction: used / limit })
    return [
      item('process count', env.process_count, PROCESS_COUNT_LIMIT),
      item('processing time', env.total_processing_time, PROCESSING_TIME_LIMIT_SEC),
      item('age', age, AGE_LIMIT_SEC),
    ]
  },
}
