// The runtime's options, their defaults and how they resolve.
import { envNumber } from '../../config/env-number'
import { redisConfigFromEnv, type RedisConnectionConfig } from '../../redis/connection-config'

/** Seed 001's circuit breaker. */
export interface SafetyLimits {
  /** MAX_PROCESS_COUNT (default 50): hops an envelope may take. */
  maxProcessCount: number
  /** MAX_TOTAL_PROCESSING_TIME (default 300 s): summed processing time. */
  maxTotalProcessingTimeSec: number
  /** MAX_ENVELOPE_AGE (default 600 s): age since create_ts. */
  maxEnvelopeAgeSec: number
}

export const DEFAULT_SAFETY: SafetyLimits = {
  maxProcessCount: 50,
  maxTotalProcessingTimeSec: 300,
  maxEnvelopeAgeSec: 600,
}

export interface RuntimeOptions {
  redis: RedisConnectionConfig
  /** Seed limits; env MAX_PROCESS_COUNT, MAX_TOTAL_PROCESSING_TIME, MAX_ENVELOPE_AGE. */
  safety?: Partial<SafetyLimits>
  /** Folder of agent_statistics.txt / agent_final_statistics.txt. Default STATS_DIR or ./stats. */
  statsDir?: string
  /** REPORT_INTERVAL_SECONDS (default 60). */
  reportIntervalSec?: number
  /** Lifecycle heartbeat period (default 5 s); an agent silent for 3 periods is dead. */
  heartbeatIntervalSec?: number
  /**
   * Pending entries idle longer than this are claimed by a live instance
   * (default 90 000 ms). Longer than the default task timeout (60 s) on
   * purpose: an agent of another language sharing the group does not renew
   * its claims, and a shorter idle time would hand its slow entry to a second
   * worker while the first is still on it. Switchyard's own agents renew theirs.
   */
  claimIdleMs?: number
  /** Deliveries after which a stalled entry goes to the dead-letter stream (default 5). */
  maxDeliveries?: number
  /** Approximate cap of the streams the runtime trims (default 100 000 entries). */
  streamMaxLen?: number
  /** Approximate cap of the journal stream (default 100 000 hops). */
  journalMaxLen?: number
  /** XREADGROUP COUNT: entries one instance takes per read (default 64). */
  batchSize?: number
  /** Entries larger than this (envelope JSON, bytes) go to the dead-letter stream (default 1 MiB). */
  maxEnvelopeBytes?: number
  /** Cap of one blocking read (default 1000 ms); the watchdog allows a grace above it. */
  blockMs?: number
  /** Entries one instance handles at once (default 64); it reads more as slots free up. */
  concurrency?: number
  /**
   * Ceiling of any entry's timeout in seconds (default 300): a sender's
   * __agent_timeout_sec above it is cut to it. At its timeout process() is
   * abandoned (its AbortSignal fires) and the entry gets its error result.
   */
  maxTaskTimeoutSec?: number
}

export type ResolvedRuntimeOptions = Required<Omit<RuntimeOptions, 'safety'>> & { safety: SafetyLimits }

export const RUNTIME_DEFAULTS = {
  reportIntervalSec: 60,
  heartbeatIntervalSec: 5,
  claimIdleMs: 90_000,
  maxDeliveries: 5,
  streamMaxLen: 100_000,
  journalMaxLen: 100_000,
  batchSize: 64,
  maxEnvelopeBytes: 1024 * 1024,
  blockMs: 1000,
  concurrency: 64,
  maxTaskTimeoutSec: 300,
} as const

/**
 * With no `redis` (zero-config, `new AgentRuntime()`) what is left out comes
 * from the environment (REDIS_URL, the seed's limits); with one, the caller
 * chose, and only the defaults fill the rest.
 */
export function resolveRuntimeOptions(options: Partial<RuntimeOptions> = {}): ResolvedRuntimeOptions {
  const given = options.redis ? options : { ...runtimeOptionsFromEnv(), ...stripUndefined(options) }
  return {
    ...RUNTIME_DEFAULTS,
    statsDir: process.env.STATS_DIR || './stats',
    ...stripUndefined(given),
    redis: options.redis ?? redisConfigFromEnv(),
    safety: { ...DEFAULT_SAFETY, ...stripUndefined(given.safety ?? {}) },
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

/** Everything but `redis` from the environment (seed names plus SWITCHYARD_* for ours). */
export function runtimeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Omit<RuntimeOptions, 'redis'> {
  const options: Omit<RuntimeOptions, 'redis'> = {
    safety: stripUndefined({
      maxProcessCount: envNumber(env, 'MAX_PROCESS_COUNT'),
      maxTotalProcessingTimeSec: envNumber(env, 'MAX_TOTAL_PROCESSING_TIME'),
      maxEnvelopeAgeSec: envNumber(env, 'MAX_ENVELOPE_AGE'),
    }),
    reportIntervalSec: envNumber(env, 'REPORT_INTERVAL_SECONDS'),
    heartbeatIntervalSec: envNumber(env, 'SWITCHYARD_HEARTBEAT_INTERVAL'),
    claimIdleMs: envNumber(env, 'SWITCHYARD_CLAIM_IDLE_MS'),
    maxDeliveries: envNumber(env, 'SWITCHYARD_MAX_DELIVERIES'),
    streamMaxLen: envNumber(env, 'SWITCHYARD_STREAM_MAXLEN'),
    journalMaxLen: envNumber(env, 'SWITCHYARD_JOURNAL_MAXLEN'),
    batchSize: envNumber(env, 'SWITCHYARD_BATCH_SIZE'),
    maxEnvelopeBytes: envNumber(env, 'SWITCHYARD_MAX_ENVELOPE_BYTES'),
    concurrency: envNumber(env, 'SWITCHYARD_CONCURRENCY'),
    maxTaskTimeoutSec: envNumber(env, 'SWITCHYARD_MAX_TASK_TIMEOUT_SEC'),
  }
  if (env.STATS_DIR) options.statsDir = env.STATS_DIR
  return stripUndefined(options)
}
