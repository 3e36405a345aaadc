// Dedupe markers of Cluster hops: keys in the slot of what they guard, so check-and-write is one script there.
import { hashTagOf, keySlot } from '../../../redis/key-slot'

/** `{key}rest`, which hashes to key's slot; a key with braces of its own is tagged with its own hash tag instead. */
export function inSlotOf(key: string, rest: string): string {
  const whole = `{${key}}${rest}`
  return keySlot(whole) === keySlot(key) ? whole : `{${hashTagOf(key)}}:${key}${rest}`
}

/**
 * A marker lives this long while its source entry is not yet acked: a crash
 * (or a failover) between delivery and XACK leaves the entry pending, and
 * whoever claims it and runs it again within this time delivers nothing twice.
 * Envelopes older than MAX_ENVELOPE_AGE (600 s by default) are refused anyway.
 */
export const MARKER_TTL_SEC = 3600
/**
 * Once the source entry is acked only a second instance still running it
 * (claimed from a slow first one) can come, and it checks that the entry is
 * pending right before delivering: a minute covers that gap many times over,
 * and keeps the markers of a busy pipeline few.
 */
export const ACKED_MARKER_TTL_MS = 60_000

/**
 * `{destination}:delivered:<source stream>:<entry id>`: the hash tag is the
 * destination's full name, so the marker hashes to the destination's slot
 * (`{stream:role:uppercase}:…` sits with `stream:role:uppercase`). `copy`
 * tells apart several outputs of one entry to the same stream.
 */
export function deliveredMarker(destination: string, source: { stream: string; id: string }, copy = 0): string {
  return inSlotOf(destination, `:delivered:${source.stream}:${source.id}${copy > 0 ? `:${copy}` : ''}`)
}

/** The journal entry of one hop, written once: in the journal's slot. */
export function journaledMarker(journal: string, source: { stream: string; id: string }, destination: string): string {
  return inSlotOf(journal, `:journaled:${source.stream}:${source.id}:${destination}`)
}

/** The dead letter of one source entry, written once: in the dead-letter stream's slot. */
export function deadLetteredMarker(deadLetterStream: string, source: { stream: string; id: string }): string {
  return inSlotOf(deadLetterStream, `:dead:${source.stream}:${source.id}`)
}
