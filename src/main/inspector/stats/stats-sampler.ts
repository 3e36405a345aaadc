import type { RedisClient } from '../../redis/client-type'
import type { StatsPoint, Violation } from '@shared/api'
import { DEAD_LETTER_PREFIX, JOURNAL_STREAM, VIOLATIONS_STREAM } from '@shared/keys'
import { asNumber, flatToRecord } from '../redis-reply'
import { scanStreams } from '../topology/scan-streams'
import { execKeyed } from '../cluster/keyed-batch'
import { parseViolation } from '../violations/parse-violation'
import { journalHistory } from './journal-history'
import { sumHops } from './journal-hop-stats'

/** Points kept: 6 hours at the default 2 s interval. */
export const STATS_POINTS_MAX = 10_800
/** Journal or violation entries read per sample; a burst beyond is counted next time. */
export const STATS_READ_MAX = 5_000
/** Dead-letter streams counted per sample. */
export const STATS_DLQ_STREAMS_MAX = 1_000

type Rows = Array<[string, string[]]>

/**
 * Samples the journal, the violations stream and the dead-letter streams
 * incrementally (only what was added since the last sample) into a bounded
 * ring of points; pushes each point and any new violations.
 */
export class StatsSampler {
  private readonly points: StatsPoint[] = []
  private journalId: string | null = null
  private violationsId: string | null = null
  private dlqAdded = new Map<string, number>()
  private lastMs = 0
  private timer: NodeJS.Timeout | null = null
  private sampling = false

  constructor(
    private readonly redis: RedisClient,
    private readonly pushPoint: (point: StatsPoint) => void,
    private readonly pushViolations: (violations: Violation[]) => void,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.sample(), this.intervalMs)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /**
   * The points of the window; the part before this process's first sample is
   * rebuilt from the shared journal (every worker's hops, not only ours).
   */
  async series(windowSec: number, nowMs = Date.now()): Promise<StatsPoint[]> {
    const since = nowMs - windowSec * 1000
    const sampled = this.points.filter((p) => p.ts * 1000 >= since)
    const firstSampledMs = sampled[0] ? sampled[0].ts * 1000 : nowMs
    if (firstSampledMs - since < this.intervalMs * 2) return sampled
    const history = await journalHistory(this.redis, since, firstSampledMs - this.intervalMs)
    return history.concat(sampled)
  }

  private newRows(key: string, lastId: string | null): Promise<Rows> {
    return this.redis.xrange(key, `(${lastId ?? '0-0'}`, '+', 'COUNT', STATS_READ_MAX)
  }

  private async newDeadLetters(): Promise<number> {
    const { keys } = await scanStreams(this.redis, { match: `${DEAD_LETTER_PREFIX}*`, max: STATS_DLQ_STREAMS_MAX })
    const replies = await execKeyed(this.redis, keys.map((key) => ({ key, add: (p) => p.xinfo('STREAM', key) })))
    let added = 0
    const next = new Map<string, number>()
    keys.forEach((key, i) => {
      const total = asNumber(flatToRecord(replies[i]?.[1])['entries-added']) ?? 0
      next.set(key, total)
      if (this.lastMs) added += Math.max(0, total - (this.dlqAdded.get(key) ?? 0))
    })
    this.dlqAdded = next
    return added
  }

  /** One sample; public so tests and the first snapshot need not wait for the timer. */
  async sample(): Promise<StatsPoint | null> {
    if (this.sampling) return null
    this.sampling = true
    try {
      const now = Date.now()
      const first = this.lastMs === 0
      if (first) {
        const [j] = await this.redis.xrevrange(JOURNAL_STREAM, '+', '-', 'COUNT', 1)
        const [v] = await this.redis.xrevrange(VIOLATIONS_STREAM, '+', '-', 'COUNT', 1)
        this.journalId = j?.[0] ?? '0-0'
        this.violationsId = v?.[0] ?? '0-0'
      }
      const [hops, violationRows, deadLetters] = await Promise.all([
        this.newRows(JOURNAL_STREAM, this.journalId),
        this.newRows(VIOLATIONS_STREAM, this.violationsId),
        this.newDeadLetters(),
      ])
      this.journalId = hops.at(-1)?.[0] ?? this.journalId
      this.violationsId = violationRows.at(-1)?.[0] ?? this.violationsId
      const seconds = first ? 0 : (now - this.lastMs) / 1000
      this.lastMs = now
      if (first) return null
      const totals = sumHops(hops)
      const point: StatsPoint = {
        ts: now / 1000,
        throughputByRole: Object.fromEntries([...totals.hopsByRole].map(([r, n]) => [r, seconds > 0 ? n / seconds : 0])),
        latencyByRole: Object.fromEntries(
          [...totals.durationByRole].map(([r, sum]) => [r, sum / (totals.timedByRole.get(r) ?? 1)]),
        ),
        errors: totals.errors,
        violations: violationRows.length,
        deadLetters,
      }
      this.points.push(point)
      if (this.points.length > STATS_POINTS_MAX) this.points.splice(0, this.points.length - STATS_POINTS_MAX)
      if (this.timer === null) return point // stopped while sampling: nobody should hear from it
      this.pushPoint(point)
      const fresh = violationRows.flatMap(([id, raw]) => parseViolation(id, raw) ?? [])
      if (fresh.length) this.pushViolations(fresh)
      return point
    } catch (error) {
      this.onError(error)
      return null
    } finally {
      this.sampling = false
    }
  }
}
