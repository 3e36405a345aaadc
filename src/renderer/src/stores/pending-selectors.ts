import type { PendingEntry } from '../../../shared/api'
import type { PendingState } from './pending-store'

export const pendingSelectors = {
  isStuck: (s: PendingState, entry: PendingEntry): boolean => entry.idleMs >= s.stuckThresholdMs,
  stuckCount: (s: PendingState): number => s.entries.filter((e) => e.idleMs >= s.stuckThresholdMs).length,
  selectedCount: (s: PendingState): number => Object.keys(s.selected).length,
  selectedIds: (s: PendingState): string[] => Object.keys(s.selected),
  /** Smallest idle time among the selected rows: a safe default "min idle" for a claim. */
  minSelectedIdleMs: (s: PendingState): number => {
    const idle = s.entries.filter((e) => s.selected[e.id]).map((e) => e.idleMs)
    return idle.length ? Math.min(...idle) : 0
  },
  /** Claim targets: the group's consumers with their pending counts, busiest last. */
  claimTargets: (s: PendingState): Array<{ name: string; pending: number }> =>
    [...s.consumers].sort((a, b) => a.pending - b.pending || a.name.localeCompare(b.name)),
  /** Dead letters grouped by their dead-letter stream (replay works per stream). */
  deadLettersByStream: (s: Pick<PendingState, 'deadLetters'>): Map<string, PendingState['deadLetters']> => {
    const byStream = new Map<string, PendingState['deadLetters']>()
    for (const letter of s.deadLetters) {
      const list = byStream.get(letter.deadLetterStream) ?? []
      list.push(letter)
      byStream.set(letter.deadLetterStream, list)
    }
    return byStream
  },
}
