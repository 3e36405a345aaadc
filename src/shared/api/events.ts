import { z } from 'zod'
import {
  agentInfoSchema,
  connectionStatusSchema,
  statsPointSchema,
  tailBatchSchema,
  topologySnapshotSchema,
  traceSchema,
  violationSchema,
} from './models'

/**
 * Topics the main process pushes to the renderer. Pushes are batched and
 * rate-limited on the main side (topology at most 4/s, tails at most 10/s).
 */
export const eventSchemas = {
  connection: connectionStatusSchema,
  topology: topologySnapshotSchema,
  agents: z.array(agentInfoSchema),
  tail: tailBatchSchema,
  /** A watched trace gained hops. */
  trace: traceSchema,
  violations: z.array(violationSchema),
  stats: statsPointSchema,
} as const

export type Topic = keyof typeof eventSchemas
export type EventOf<T extends Topic> = z.infer<(typeof eventSchemas)[T]>
export const isTopic = (value: string): value is Topic => Object.hasOwn(eventSchemas, value)

/** How the main side publishes; both hosts fan it out to their clients. */
export type EventPublisher = <T extends Topic>(topic: T, payload: EventOf<T>) => void
