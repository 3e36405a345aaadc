import { describe, expect, it } from 'vitest'
import { normalizeLifecycleEvent } from '../../../src/main/runtime/control/lifecycle-event'
import type { LifecycleEvent } from '../../../src/main/runtime/control/lifecycle'
import { StatsCollector } from '../../../src/main/runtime/stats/stats-collector'
import { formatStatsReport } from '../../../src/main/runtime/stats/stats-format'

describe('seed 001 lifecycle events', () => {
  it('completes an event with only the seed fields, and the stats report formats it', () => {
    const e = normalizeLifecycleEvent({ kind: 'status', event: 'heartbeat', role: 'translate', agent_id: 'py:1', busy: true, ts: 100 }, 101)
    expect(e).toMatchObject({ status: 'busy', runs: 0, avg_time: 0, host: '', started_ts: 100, foreign: true })
    const collector = new StatsCollector(90)
    collector.ingest(e!)
    // Even a raw event with holes (as the stats agent used to receive) must not crash the report.
    collector.ingest({ kind: 'status', event: 'init', role: 'x', agent_id: 'raw', busy: false, ts: 100 } as unknown as LifecycleEvent)
    const text = formatStatsReport(collector.report(101, 60))
    expect(text).toMatch(/py:1\s+translate\s+busy\s+1\.0s ago\s+0\s+0\.000s/)
    expect(text).toMatch(/raw\s+x\s+idle/)
  })

  it('maps the four events and refuses what is not one', () => {
    const base = { kind: 'status', role: 'r', agent_id: 'a', busy: false, ts: 1 }
    expect(normalizeLifecycleEvent({ ...base, event: 'exit' })?.status).toBe('stopped')
    expect(normalizeLifecycleEvent({ ...base, event: 'init', status: 'paused' })?.status).toBe('paused')
    expect(normalizeLifecycleEvent({ ...base, event: 'reload', envelopes: { count: 0, age_sum: 0, time_sum: 0, steps_sum: 0, recent: [] } })?.foreign).toBe(false)
    expect(normalizeLifecycleEvent({ ...base, kind: 'task', event: 'init' })).toBeNull()
    expect(normalizeLifecycleEvent({ ...base, agent_id: 3 })).toBeNull()
    expect(normalizeLifecycleEvent('heartbeat')).toBeNull()
    expect(normalizeLifecycleEvent(null)).toBeNull()
  })
})

describe('Redis version floor', () => {
  it('refuses below 6.2 naming what is missing, warns below 7.0, accepts 7.x and unknown forks', async () => {
    const { judgeVersion } = await import('../../../src/main/redis/version-floor')
    expect(judgeVersion('6.0.16')).toMatchObject({ ok: false })
    expect(judgeVersion('6.0.16').message).toContain('XAUTOCLAIM')
    expect(judgeVersion('5.0.7').ok).toBe(false)
    expect(judgeVersion('6.2.14')).toMatchObject({ ok: true })
    expect(judgeVersion('6.2.14').message).toContain('7.0.0')
    expect(judgeVersion('7.0.15')).toEqual({ ok: true, message: null })
    expect(judgeVersion('10.1.0')).toEqual({ ok: true, message: null })
    expect(judgeVersion('')).toEqual({ ok: true, message: null })
  })
})
