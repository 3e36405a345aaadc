import type { PendingEntry } from '@shared/api'
import type { PendingState } from './pending-store'

/** Characters of the payload preview in the body column. */
export const PREVIEW_CHARS = 120

/** The payload of an envelope entry, or the flat fields (seed 000) as `k=v`. */
function previewOf(entry: PendingEntry): string {
  if (!entry.fields) return ''
  const raw = entry.fields.envelope
  let text: string
  if (raw !== undefined) {
    try {
      text = JSON.stringify((JSON.parse(raw) as { payload?: unknown }).payload ?? null)
    } catch {
      text = raw
    }
  } else {
    text = Object.entries(entry.fields)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')
  }
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text
}

/** Plain functions over the pending state; `now` makes idle times tick between reads. */
export const pendingSelectors = {
  /** Idle time at `now`: as read, plus the time since it was read. */
  idleNow: (s: Pick<PendingState, 'loadedAtMs'>, entry: PendingEntry, now: number): number =>
    entry.idleMs + Math.max(0, now - (s.loadedAtMs || now)),
  isStuck: (s: PendingState, entry: PendingEntry, now: number = s.loadedAtMs): boolean =>
    pendingSelectors.idleNow(s, entry, now) >= s.stuckThresholdMs,
  stuckCount: (s: PendingState, now: number = s.loadedAtMs): number =>
    s.entries.filter((e) => pendingSelectors.isStuck(s, e, now)).length,
  stuckIds: (s: PendingState, now: number = s.loadedAtMs): string[] =>
    s.entries.filter((e) => pendingSelectors.isStuck(s, e, now)).map((e) => e.id),
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
  /** Deleting a consumer drops its pending entries from the group: only empty ones are offered. */
  canDeleteConsumer: (consumer: { pending: number }): boolean => consumer.pending === 0,
  preview: previewOf,
  opened: (s: PendingState): PendingEntry | null => s.entries.find((e) => e.id === s.openedId) ?? null,
  /** The message id behind an entry (for its trace), from the server or the envelope field. */
  messageIdOf: (entry: PendingEntry): string | null => {
    if (entry.messageId) return entry.messageId
    const raw = entry.fields?.envelope
    if (!raw) return null
    try {
      const id = (JSON.parse(raw) as { message_id?: unknown }).message_id
      return typeof id === 'string' && id ? id : null
    } catch {
      return null
    }
  },
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
