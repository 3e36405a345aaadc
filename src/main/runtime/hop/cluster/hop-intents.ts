// What a hop means (deliver, dead-letter, flat outputs), carried beside its single-server write for the Cluster path.
import type { ReceivedEntry } from '../../reader/stream-entry'
import type { DeadLetterKind } from '../dead-letter'
import type { FlatOutput } from '../flat-outputs'
import type { HopWrite } from '../hop-writer'
import type { JournalHop } from '../journal'
import type { RedisArg } from '../transaction'

/**
 * On one server a hop is a script in a MULTI (its HopWrite). A Cluster cannot
 * run keys of several slots in one script, so the same hop is also described
 * here, and the Cluster writer carries it out slot by slot.
 */
export type HopIntent =
  | { kind: 'hop'; hop: JournalHop; journalMaxLen: number }
  | { kind: 'flat'; outputs: FlatOutput[]; consumer: string }
  | { kind: 'dead-letter'; consumer: string; reason: string; deadLetter: DeadLetterKind }
  /** A plain write on one key (e.g. the violation record), made once the hop is done. */
  | { kind: 'command'; name: string; args: RedisArg[] }

const INTENTS = Symbol('switchyard.cluster-intents')
type WithIntents = HopWrite & { [INTENTS]?: (entry: ReceivedEntry) => HopIntent[] }

/** The write, with what it means for the Cluster writer. */
export function withIntents(write: HopWrite, intents: (entry: ReceivedEntry) => HopIntent[]): HopWrite {
  ;(write as WithIntents)[INTENTS] = intents
  return write
}

/** What the write means, or null for one that carries no description (the Cluster writer replays its commands). */
export function intentsOf(write: HopWrite, entry: ReceivedEntry): HopIntent[] | null {
  return (write as WithIntents)[INTENTS]?.(entry) ?? null
}

/** deadLetterWrite, described for the Cluster writer too. */
export function deadLetterHop(make: (consumer: string, reason: string, kind: DeadLetterKind) => HopWrite, consumer: string, reason: string, kind: DeadLetterKind): HopWrite {
  return withIntents(make(consumer, reason, kind), () => [{ kind: 'dead-letter', consumer, reason, deadLetter: kind }])
}
