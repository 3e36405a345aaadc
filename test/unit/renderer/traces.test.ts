import { beforeEach, describe, expect, it } from 'vitest'
import { AGE_LIMIT_SEC, tracesSelectors } from '../../../src/renderer/src/stores/traces-selectors'
import {
  importTrace,
  receiveTrace,
  stepFirst,
  stepLast,
  stepNext,
  stepPrev,
  stepTo,
  useTracesStore,
} from '../../../src/renderer/src/stores/traces-store'
import { envelope, trace } from './fixtures'

const hop = () => useTracesStore.getState().hopIndex

describe('trace step-through', () => {
  beforeEach(() => useTracesStore.setState({ traces: [trace(4)], traceIndex: 0, hopIndex: 0, watching: null }))

  it('steps first / next / prev / last and stays inside the trace', () => {
    stepPrev()
    expect(hop()).toBe(0)
    expect(stepNext()).toBe(true)
    expect(hop()).toBe(1)
    stepLast()
    expect(hop()).toBe(3)
    expect(stepNext()).toBe(false)
    expect(hop()).toBe(3)
    stepTo(99)
    expect(hop()).toBe(3)
    stepFirst()
    expect(hop()).toBe(0)
  })

  it('follows new hops of a watched trace only when the operator is on the last hop', () => {
    stepTo(1)
    receiveTrace(trace(6, 0.5, false))
    expect(hop()).toBe(1)
    stepLast()
    receiveTrace(trace(8, 0.5, false))
    expect(hop()).toBe(7)
    expect(tracesSelectors.hopCount(useTracesStore.getState())).toBe(8)
  })

  it('ignores pushes for a trace it does not show', () => {
    receiveTrace({ ...trace(9), messageId: 'other' })
    expect(tracesSelectors.hopCount(useTracesStore.getState())).toBe(4)
  })
})

describe('the waterfall and the safety budget', () => {
  it('draws each hop from its own trace entry: offset from the first start, its duration', () => {
    const bars = tracesSelectors.waterfall(trace(3, 0.5))
    expect(bars.map((b) => b.offsetSec)).toEqual([0, 0.5, 1])
    expect(bars.map((b) => b.durationSec)).toEqual([0.5, 0.5, 0.5])
    expect(bars.map((b) => b.role)).toEqual(['manager', 'uppercase', 'manager'])
    expect(tracesSelectors.span(bars)).toBe(1.5)
  })

  it('builds a 1,000-hop waterfall (the journal read bound) well within a second', () => {
    const long = trace(1000, 0.01)
    const started = performance.now()
    expect(tracesSelectors.waterfall(long)).toHaveLength(1000)
    // A generous ceiling: it takes about a millisecond; only a real regression (work per pair of hops) crosses it.
    expect(performance.now() - started).toBeLessThan(1_000)
  })

  it('measures process count, processing time and age against the seed limits', () => {
    const env = envelope({ process_count: 50, total_processing_time: 150, create_ts: 1000 })
    const [count, time, age] = tracesSelectors.budget(env, 1000 + AGE_LIMIT_SEC / 2)
    expect(count?.fraction).toBe(1)
    expect(time?.fraction).toBe(0.5)
    expect(age?.fraction).toBe(0.5)
  })
})

describe('trace import', () => {
  it('refuses a file that is not JSON or not a trace, and says which field is wrong', async () => {
    expect(await importTrace('{ nope')).toBe('the file is not JSON')
    expect(await importTrace(JSON.stringify({ messageId: 'm', conversationId: 'c', hops: 'x', complete: true }))).toMatch(
      /^not a Switchyard trace: hops/,
    )
  })

  it('shows an imported trace first, from its first hop', async () => {
    useTracesStore.setState({ traces: [{ ...trace(2), messageId: 'older' }], traceIndex: 0, hopIndex: 1, watching: null })
    expect(await importTrace(JSON.stringify({ ...trace(3), messageId: 'imported' }))).toBeNull()
    const s = useTracesStore.getState()
    expect(s.traces.map((t) => t.messageId)).toEqual(['imported', 'older'])
    expect(s.hopIndex).toBe(0)
    expect(tracesSelectors.hopCount(s)).toBe(3)
  })
})
