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
    expect(await importTrace('{ nope')).toBe('"the file" is not JSON, so it is not a trace export. Nothing was changed.')
    expect(await importTrace(JSON.stringify({ messageId: 'm', conversationId: 'c', hops: 'x', complete: true }))).toMatch(
      /^"the file" is not a trace exported by Switchyard: hops/,
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

describe('finding traces', () => {
  it('marks hops whose process count went back as replayed', () => {
    const t = trace(4)
    const replayed = { ...t, hops: [...t.hops, { ...t.hops[1]!, index: 4, entryId: '1700000000010-0' }] }
    expect(tracesSelectors.replayedHops(replayed)).toEqual([false, false, false, false, true])
  })
  it('the first hop says what it left with, its stage included', () => {
    const first = trace(3).hops[0]!
    const ops = tracesSelectors.firstHopChanges({ ...first, diff: [] })
    expect(ops.map((o) => o.path)).toEqual(expect.arrayContaining(['/process_count', '/payload/stage']))
  })
  it('the budget carries units', () => {
    expect(tracesSelectors.budget(envelope({ process_count: 3 }), 1_700_000_010).map((b) => b.unit)).toEqual(['hops', 's', 's'])
  })
  it('a bad import names the file and the first problems only', async () => {
    const error = await importTrace('{"hello":1}', 'notes.json')
    expect(error).toMatch(/^"notes.json" is not a trace exported by Switchyard: /)
    expect(error).toMatch(/Nothing was changed\.$/)
    expect(await importTrace('{nope', 'x.json')).toMatch(/is not JSON/)
  })
  it('groups journal entries by message with the outcome of the newest hop', async () => {
    const { summarizeJournal, searchRecent } = await import('../../../src/renderer/src/views/traces/recent-traces')
    const done = envelope({ message_id: 'm-done', conversation_id: 'conv-a', trace: [{ start_ts: 1, end_ts: 2, duration: 1, role: 'reverse', agent_id: 'r' }] })
    const bad = envelope({ message_id: 'm-bad', conversation_id: 'conv-b', trace: [{ start_ts: 1, end_ts: 2, duration: 1, role: 'uppercase', agent_id: 'u', error: 'TypeError' }] })
    const list = summarizeJournal([
      { id: '3-0', fields: { message_id: 'm-done', role: 'reverse', destination: 'result:m-done' }, envelope: done },
      { id: '2-0', fields: { message_id: 'm-bad', role: 'uppercase', destination: 'stream:role:manager' }, envelope: bad },
      { id: '1-0', fields: { message_id: 'm-done', role: 'manager', destination: 'stream:role:uppercase' }, envelope: done },
    ])
    expect(list.map((t) => [t.messageId, t.outcome, t.hops])).toEqual([
      ['m-done', 'done', 2],
      ['m-bad', 'error', 1],
    ])
    expect(searchRecent(list, 'CONV-B').map((t) => t.messageId)).toEqual(['m-bad'])
    expect(searchRecent(list, '', 'done').map((t) => t.messageId)).toEqual(['m-done'])
  })
})
