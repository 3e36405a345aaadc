import { describe, expect, it } from 'vitest'
import type { StatsPoint, Violation } from '@shared/api'
import { statsSelectors } from '../../../src/renderer/src/stores/stats-selectors'
import { appendPoints, MAX_STATS_POINTS } from '../../../src/renderer/src/stores/stats-store'
import { violationsSelectors } from '../../../src/renderer/src/stores/violations-selectors'
import { MAX_VIOLATIONS, receiveViolations, useViolationsStore } from '../../../src/renderer/src/stores/violations-store'

const violation = (id: string, ts: number, kind: Violation['kind'] = 'process_count', role = 'manager'): Violation => ({
  id,
  ts,
  kind,
  message: 'Process count limit exceeded: 50 >= 50',
  messageId: `m-${id}`,
  conversationId: 'c',
  role,
  agentId: `${role}-1`,
  processCount: 50,
  totalProcessingTime: 1,
  ageSec: 1,
})

const point = (ts: number, throughput: Record<string, number> = { manager: 1 }): StatsPoint => ({
  ts,
  throughputByRole: throughput,
  latencyByRole: Object.fromEntries(Object.keys(throughput).map((r) => [r, 0.25])),
  errors: 0,
  violations: 1,
  deadLetters: 0,
})

describe('live violations', () => {
  it('adds each pushed violation once, newest first, and counts it by kind and role', () => {
    useViolationsStore.setState({ violations: [], countsByKind: {}, countsByRole: {} })
    receiveViolations([violation('1', 100), violation('2', 200, 'age', 'reverse')])
    receiveViolations([violation('2', 200, 'age', 'reverse'), violation('3', 300)])
    const s = useViolationsStore.getState()
    expect(s.violations.map((v) => v.id)).toEqual(['3', '2', '1'])
    expect(s.countsByKind).toEqual({ process_count: 2, age: 1 })
    expect(s.countsByRole).toEqual({ manager: 2, reverse: 1 })
    expect(violationsSelectors.total(s)).toBe(3)
  })

  it('holds at most MAX_VIOLATIONS', () => {
    useViolationsStore.setState({ violations: [], countsByKind: {}, countsByRole: {} })
    receiveViolations(Array.from({ length: MAX_VIOLATIONS + 10 }, (_, i) => violation(String(i), i)))
    expect(useViolationsStore.getState().violations).toHaveLength(MAX_VIOLATIONS)
  })

  it('counts per minute by kind for the chart (timestamps in seconds)', () => {
    const buckets = violationsSelectors.overTime(
      [violation('a', 60), violation('b', 61, 'age'), violation('c', 125)],
      60_000,
    )
    expect(buckets).toEqual([
      { ts: 60_000, process_count: 1, processing_time: 0, age: 1 },
      { ts: 120_000, process_count: 1, processing_time: 0, age: 0 },
    ])
  })
})

describe('statistics ring buffer', () => {
  it('appends only newer points and drops the oldest over the bound', () => {
    let points = appendPoints([], [point(2), point(1)])
    points = appendPoints(points, [point(2), point(3)])
    expect(points.map((p) => p.ts)).toEqual([1, 2, 3])
    const many = Array.from({ length: MAX_STATS_POINTS + 5 }, (_, i) => point(i + 10))
    const bounded = appendPoints(points, many)
    expect(bounded).toHaveLength(MAX_STATS_POINTS)
    expect(bounded[bounded.length - 1]?.ts).toBe(MAX_STATS_POINTS + 14)
  })

  it('shapes chart rows: roles union, ms timestamps, latency in ms', () => {
    const points = [point(1_700_000_000, { manager: 2 }), point(1_700_000_005, { reverse: 3 })]
    expect(statsSelectors.roles(points)).toEqual(['manager', 'reverse'])
    expect(statsSelectors.throughputRows(points)[1]).toEqual({ ts: 1_700_000_005_000, manager: 0, reverse: 3 })
    expect(statsSelectors.latencyRows(points)[0]).toEqual({ ts: 1_700_000_000_000, manager: 250 })
    expect(statsSelectors.healthRows(points)[0]?.violations).toBe(1)
  })
})

describe('statistics over time, with gaps', () => {
  it('puts a break where samples stopped, not a bridged line', async () => {
    const { withGaps } = await import('../../../src/renderer/src/stores/stats-selectors')
    const rows = [0, 2000, 4000, 6000, 60_000, 62_000].map((ts) => ({ ts, manager: 1 }))
    const out = withGaps(rows, ['manager'])
    expect(out).toHaveLength(7)
    expect(out[4]).toEqual({ ts: 33_000, manager: null })
  })
  it('averages long windows into at most MAX_CHART_ROWS rows and keeps the window', async () => {
    const { downsample } = await import('../../../src/renderer/src/stores/stats-selectors')
    const many = Array.from({ length: 1000 }, (_, i) => point(1_700_000_000 + i * 2, { manager: i % 2 }))
    const out = downsample(many, 100)
    expect(out).toHaveLength(100)
    expect(out[0]?.throughputByRole.manager).toBeCloseTo(0.5)
    expect(out[0]?.violations).toBe(10)
    expect(statsSelectors.inWindow(many, 10)).toHaveLength(6)
  })
  it('violation filters by kind, role and id prefix', () => {
    const list = [violation('1', 1, 'age', 'reverse'), violation('2', 2, 'process_count', 'manager')]
    expect(violationsSelectors.filtered(list, { kind: 'age', role: '', text: '' }).map((v) => v.id)).toEqual(['1'])
    expect(violationsSelectors.filtered(list, { kind: '', role: 'manager', text: '' }).map((v) => v.id)).toEqual(['2'])
    expect(violationsSelectors.filtered(list, { kind: '', role: '', text: 'M-2' }).map((v) => v.id)).toEqual(['2'])
  })
})
