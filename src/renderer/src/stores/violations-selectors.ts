import type { Violation } from '../../../shared/api'
import { toMs } from '../components/operator/format'
import type { ViolationsState } from './violations-store'

/** Buckets drawn in the chart at most. */
export const MAX_CHART_BUCKETS = 120
export const VIOLATION_KINDS = ['process_count', 'processing_time', 'age'] as const

export type ViolationBucket = { ts: number } & Record<(typeof VIOLATION_KINDS)[number], number>

export const violationsSelectors = {
  total: (s: ViolationsState): number => Object.values(s.countsByKind).reduce((a, b) => a + b, 0),
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
