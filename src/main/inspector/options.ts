import type { RedisClient } from '../redis/client-type'
import type { EventPublisher, Topic } from '@shared/api'

/** Default pause between topology pushes: at most 4 a second. */
export const DEFAULT_TOPOLOGY_INTERVAL_MS = 250
/** Default pause between pushes of one tail: at most 10 a second. */
export const DEFAULT_TAIL_PUSH_INTERVAL_MS = 100
/** Default pause between statistics samples. */
export const DEFAULT_STATS_INTERVAL_MS = 2_000
/** Default pause between polls of a watched trace's journal index. */
export const DEFAULT_TRACE_POLL_MS = 200

export interface InspectorOptions {
  /** Shared command connection (never blocked by the inspector). */
  redis: RedisClient
  /** For tails and result waits; the inspector quits every client it creates. */
  createBlockingClient: () => RedisClient
  publish: EventPublisher
  /** Redacted URL of the connection, written to the audit stream. */
  connectionLabel: string
  /** Default 250 ms: at most 4 topology pushes a second. */
  topologyIntervalMs?: number
  /** Default 100 ms: at most 10 pushes a second per tail. */
  tailPushIntervalMs?: number
  /** Default 2 s: how often statistics and new violations are sampled. */
  statsIntervalMs?: number
  /** Default 200 ms: how often a watched trace is polled. */
  tracePollMs?: number
  /** Whether anyone listens to a topic; default: always. Lets pushers skip work. */
  isWatched?: (topic: Topic) => boolean
}
