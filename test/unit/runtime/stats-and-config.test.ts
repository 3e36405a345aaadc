import { describe, expect, it } from 'vitest'
import { StatsCollector } from '../../../src/main/runtime/stats/stats-collector'
import { formatStatsReport } from '../../../src/main/runtime/stats/stats-format'
import type { LifecycleEvent } from '../../../src/main/runtime/control/lifecycle'
import { parseRedisUrl, redactUrl, redisConfigFromEnv } from '../../../src/main/redis/connection-config'
import { runtimeOptionsFromEnv } from '../../../src/main/runtime/core/options'

const event = (agent: string, role: string, runs: number, ts: number, finals = 0): LifecycleEvent => ({
  kind: 'status',
  event: 'heartbeat',
  role,
  agent_id: agent,
  busy: false,
  ts,
  host: 'M4',
  pid: 14278,
  status: 'idle',
  runs,
  avg_time: 1.002,
  started_ts: 0,
  interval: 5,
  envelopes: { count: finals, age_sum: finals, time_sum: finals, steps_sum: finals, recent: Array(finals).fill({ age: 1, time: 1, steps: 1 }) },
})

describe('statistics report', () => {
  it('prints the seed layout: uptime, runs by role total | since last, envelope metrics, registry', () => {
    const stats = new StatsCollector(1000)
    stats.ingest(event('M4:14278:2', 'manager', 30, 1059.1, 10))
    stats.ingest(event('M4:14278:3', 'uppercase', 10, 1056.1))
    stats.ingest(event('M4:14278:4', 'reverse', 10, 1058.1))
    const text = formatStatsReport(stats.report(1060, 60))
    expect(text).toBe(
      [
        '='.repeat(80),
        'COMPREHENSIVE AGENT PERFORMANCE STATISTICS',
        '='.repeat(80),
        '',
        'System Uptime: 60.0s | Report Interval: 60.0s',
        'Active Agents: 3',
        '',
        'RUN STATISTICS:',
        '   Total Runs: 50 | Since Last Report: 50',
        '   By Role (Total | Since Last):',
        '      manager: 30 | 30',
        '      reverse: 10 | 10',
        '      uppercase: 10 | 10',
        '',
        'ENVELOPE METRICS:',
        '   Total Envelopes: 10 | Since Last Report: 10',
        '   Average Envelope Age: 1.00s | Recent (last 10): 1.00s',
        '   Average Processing Time: 1.00s | Recent: 1.00s',
        '   Average Process Count: 1.0 steps | Recent: 1.0 steps',
        '',
        'AGENT REGISTRY:',
        '   Agent ID             Role         Status       Last Update  Runs     Avg Time  ',
        '   -------------------- ------------ ------------ ------------ -------- ----------',
        '   M4:14278:2           manager      idle         0.9s ago     30       1.002s',
        '   M4:14278:3           uppercase    idle         3.9s ago     10       1.002s',
        '   M4:14278:4           reverse      idle         1.9s ago     10       1.002s',
        '='.repeat(80),
        '',
      ].join('\n'),
    )
  })

  it('counts "since last report" from the previous report', () => {
    const stats = new StatsCollector(0)
    stats.ingest(event('a', 'manager', 5, 1))
    stats.report(2, 60)
    stats.ingest(event('a', 'manager', 8, 3))
    const report = stats.report(4, 60)
    expect(report.byRole).toEqual([{ role: 'manager', total: 8, sinceLast: 3 }])
    expect(report.runsSinceLast).toBe(3)
  })

  it('marks silent agents dead and exited ones stopped', () => {
    const stats = new StatsCollector(0)
    stats.ingest(event('a', 'manager', 1, 0))
    stats.ingest({ ...event('b', 'reverse', 1, 99), event: 'exit' })
    const rows = stats.report(100, 60).registry
    expect(rows.map((r) => r.status)).toEqual(['dead', 'stopped'])
  })
})

describe('connection config', () => {
  it('reads REDIS_URL with user, password, db and TLS, and the seed variables', () => {
    const config = redisConfigFromEnv({ REDIS_URL: 'rediss://app:s3cr%40t@redis.example.com:6380/2', REDIS_MAX_CONNECTIONS: '7', REDIS_SOCKET_TIMEOUT: '2.5' })
    expect(config.maxConnections).toBe(7)
    expect(config.socketTimeoutSec).toBe(2.5)
    expect(parseRedisUrl(config.url)).toEqual({ host: 'redis.example.com', port: 6380, db: 2, tls: true, username: 'app', password: 's3cr@t' })
  })
  it('never shows the password', () => {
    const shown = redactUrl({ url: 'redis://app:hunter2@10.0.0.5:6379/0', password: 'other' })
    expect(shown).toBe('redis://app@10.0.0.5:6379/0')
    expect(shown).not.toContain('hunter2')
  })
  it('defaults to local Redis and refuses bad input with a clear message', () => {
    expect(redisConfigFromEnv({}).url).toBe('redis://127.0.0.1:6379/0')
    expect(() => redisConfigFromEnv({ REDIS_URL: 'http://x' })).toThrow(/redis:\/\/ or rediss:\/\//)
    expect(() => redisConfigFromEnv({ REDIS_RETRY_ATTEMPTS: 'many' })).toThrow(/REDIS_RETRY_ATTEMPTS/)
  })
  it('reads the seed safety and report variables', () => {
    const options = runtimeOptionsFromEnv({ MAX_PROCESS_COUNT: '5', MAX_ENVELOPE_AGE: '9', REPORT_INTERVAL_SECONDS: '2' })
    expect(options.safety).toEqual({ maxProcessCount: 5, maxEnvelopeAgeSec: 9 })
    expect(options.reportIntervalSec).toBe(2)
  })
})
