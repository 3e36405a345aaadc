import { Counter, Gauge, Histogram, Registry } from 'prom-client'
import { observeRuntime } from '../runtime/stats/hop-events'
import { collectRedisGauges, type GaugeSource } from './redis-gauges'

/** Hop durations from 0.5 ms to 30 s: the demo's hops are sub-millisecond, a model call may take seconds. */
const HOP_BUCKETS_SEC = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

export interface RuntimeMetrics {
  registry: Registry
  /** Stops observing the runtime (the registry keeps its last values). */
  stop(): void
}

/**
 * The Prometheus metrics of one process: counters fed by the runtime's hop
 * observer as hops happen, gauges (pending, lag, agents, Redis round trip)
 * read from the source at each scrape.
 */
export function createRuntimeMetrics(source: GaugeSource): RuntimeMetrics {
  const registry = new Registry()
  const registers = [registry]
  const hops = new Counter({ name: 'switchyard_hops_total', help: 'Envelopes and entries handled, per role', labelNames: ['role'], registers })
  const hopErrors = new Counter({ name: 'switchyard_hop_errors_total', help: 'Hops whose process() failed or timed out, per role', labelNames: ['role'], registers })
  const hopSeconds = new Histogram({
    name: 'switchyard_hop_duration_seconds',
    help: 'Time in process() per hop, per role',
    labelNames: ['role'],
    buckets: HOP_BUCKETS_SEC,
    registers,
  })
  const violations = new Counter({ name: 'switchyard_safety_violations_total', help: 'Safety limit violations, per role and kind', labelNames: ['role', 'kind'], registers })
  const deadLetters = new Counter({ name: 'switchyard_dead_letters_total', help: 'Entries moved to a dead-letter stream, per source stream', labelNames: ['stream'], registers })
  const runtimeErrors = new Counter({ name: 'switchyard_runtime_errors_total', help: 'Errors reported by the runtime (Redis, scripts, agents)', registers })
  // One pass over Redis per scrape, shared by every gauge: each awaits it before its values are read.
  let pass: Promise<number> | null = null
  const scrape = (): Promise<number> => (pass ??= collectRedisGauges(source, gauges).finally(() => (pass = null)))
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers, collect: async () => void (await scrape()) })
  const gauges = {
    pending: gauge('switchyard_group_pending', 'Entries delivered but not acknowledged, per stream and group', ['stream', 'group']),
    lag: gauge('switchyard_group_lag', 'Entries not yet delivered to the group, per stream and group', ['stream', 'group']),
    agents: gauge('switchyard_agent_instances', 'Agent instances in this process, per role and status', ['role', 'status']),
    roundTrip: gauge('switchyard_redis_roundtrip_seconds', 'PING round trip to Redis, measured at scrape'),
    up: gauge('switchyard_redis_up', '1 when Redis answered the last PING'),
  }
  new Gauge({
    name: 'switchyard_scrape_errors',
    help: 'Redis reads that failed during this scrape',
    registers,
    async collect() {
      this.set(await scrape())
    },
  })
  const stop = observeRuntime({
    hop(role, durationSec, failed) {
      hops.inc({ role })
      hopSeconds.observe({ role }, durationSec)
      if (failed) hopErrors.inc({ role })
    },
    violation: (role, kind) => violations.inc({ role, kind }),
    deadLetter: (stream) => deadLetters.inc({ stream }),
    runtimeError: () => runtimeErrors.inc(),
  })
  return { registry, stop }
}
