import type { TraceHop } from '@shared/api'
import { resultListOf, type Envelope } from '@shared/envelope'
import { roleStream } from '@shared/keys'
import { diffJson } from './json-diff'

/** A journaled hop, or the envelope found on the result list (the caller's copy, never journaled). */
interface Carrier {
  hop: TraceHop | null
  envelope: Envelope
}

/**
 * Every agent appends one entry to the envelope's `trace`. A journaled hop's
 * own entry is its trace's last; the entries between the previous journaled
 * hop's trace and that one were left by agents that do not write the journal
 * (other languages). They become hops marked `rebuilt`, placed in order; the
 * journaled hops are diffed against the journaled hop before them.
 */
export function withRebuiltHops(journaled: readonly TraceHop[], result: Envelope | null): TraceHop[] {
  const carriers: Carrier[] = journaled.map((hop) => ({ hop, envelope: hop.envelope }))
  const lastTrace = journaled.at(-1)?.envelope.trace.length ?? 0
  if (result && result.trace.length > lastTrace) carriers.push({ hop: null, envelope: result })
  const hops: TraceHop[] = []
  let seen = 0
  let previousJournaled: Envelope | null = null
  for (const { hop, envelope } of carriers) {
    const trace = envelope.trace
    const own = hop ? trace.length - 1 : trace.length // the result carries no entry of its own
    for (let i = seen; i < own; i++) {
      const entry = trace[i]
      if (!entry) continue
      const next = trace[i + 1]
      hops.push({
        index: 0,
        entryId: '',
        ts: entry.end_ts,
        role: entry.role,
        agentId: entry.agent_id,
        destination: next ? roleStream(next.role) : resultListOf(envelope),
        envelope: { ...envelope, trace: trace.slice(0, i + 1) },
        diff: [],
        rebuilt: true,
      })
    }
    seen = Math.max(seen, trace.length)
    if (hop) {
      hops.push({ ...hop, diff: previousJournaled ? diffJson(previousJournaled, hop.envelope) : [] })
      previousJournaled = hop.envelope
    }
  }
  return hops.map((hop, index) => ({ ...hop, index }))
}
