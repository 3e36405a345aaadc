import { envelopeSchema } from '@shared/envelope'
import { journalFields } from '@shared/records'
import { fieldsToRecord } from '../redis-reply'

export interface HopTotals {
  hopsByRole: Map<string, number>
  durationByRole: Map<string, number>
  /** Hops whose own trace entry was readable (the latency mean's denominator). */
  timedByRole: Map<string, number>
  errors: number
}

/** Sums hops, hop durations and errors by role from journal rows. */
export function sumHops(rows: ReadonlyArray<[string, string[]]>): HopTotals {
  const totals: HopTotals = { hopsByRole: new Map(), durationByRole: new Map(), timedByRole: new Map(), errors: 0 }
  for (const [, raw] of rows) {
    const f = fieldsToRecord(raw)
    const role = f[journalFields.role] ?? 'unknown'
    totals.hopsByRole.set(role, (totals.hopsByRole.get(role) ?? 0) + 1)
    let json: unknown
    try {
      json = JSON.parse(f[journalFields.envelope] ?? 'null')
    } catch {
      continue
    }
    const envelope = envelopeSchema.safeParse(json)
    // The hop's own trace entry is the last one it appended.
    const own = envelope.success ? envelope.data.trace.at(-1) : undefined
    if (!own) continue
    totals.durationByRole.set(role, (totals.durationByRole.get(role) ?? 0) + own.duration)
    totals.timedByRole.set(role, (totals.timedByRole.get(role) ?? 0) + 1)
    if (own.error) totals.errors += 1
  }
  return totals
}
