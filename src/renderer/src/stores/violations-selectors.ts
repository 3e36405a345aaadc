import type { Violation } from '@shared/api'
import { toMs } from '../components/operator/format'

/** Buckets drawn in the chart at most. */
export const MAX_CHART_BUCKETS = 120
export const VIOLATION_KINDS = ['process_count', 'processing_time', 'age'] as const

export type ViolationBucket = { ts: number } & Record<(typeof VIOLATION_KINDS)[number], number>

export interface ViolationFilter {
  kind: string
  role: string
  /** Prefix of the message or conversation id, or text in the message. */
  text: string
}
export const NO_VIOLATION_FILTER: ViolationFilter = { kind: '', role: '', text: '' }

export const violationsSelectors = {
  /** The violations the operator's filters keep. Pure. */
  filtered: (violations: Violation[], f: ViolationFilter): Violation[] => {
    const text = f.text.trim().toLowerCase()
    if (!f.kind && !f.role && !text) return violations
    return violations.filter(
      (v) =>
        (!f.kind || v.kind === f.kind) &&
        (!f.role || v.role === f.role) &&
        (!text || v.messageId.toLowerCase().startsWith(text) || v.conversationId.toLowerCase().startsWith(text) || v.message.toLowerCase().includes(text)),
    )
  },
  roles: (violations: Violation[]): string[] => [...new Set(violations.map((v) => v.role))].sort(),
  /** All violations counted, from the counts per kind (the store's selector passes its state). */
  total: (s: { countsByKind: Record<string, number> }): number => Object.values(s.countsByKind).reduce((a, b) => a + b, 0),
  /** [name, count] pairs, largest first. */
  ranked: (counts: Record<string, number>): Array<[string, number]> =>
    Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  /** Counts per kind in buckets of `bucketMs`, oldest first, the newest MAX_CHART_BUCKETS only. */
  overTime: (violations: Violation[], bucketMs: number): ViolationBucket[] => {
    const buckets = new Map<number, ViolationBucket>()
    for (const v of violations) {
      const start = Math.floor(toMs(v.ts) / bucketMs) * bucketMs
      const bucket = buckets.get(start) ?? { ts: start, process_count: 0, processing_time: 0, age: 0 }
      bucket[v.kind] += 1
      buckets.set(start, bucket)
    }
    return [...buckets.values()].sort((a, b) => a.ts - b.ts).slice(-MAX_CHART_BUCKETS)
  },
}
