import { describe, expect, it } from 'vitest'
import type { PendingEntry } from '../../../src/shared/api'
import { pendingSelectors } from '../../../src/renderer/src/stores/pending-selectors'
import { usePendingStore } from '../../../src/renderer/src/stores/pending-store'
import { streamsSelectors } from '../../../src/renderer/src/stores/streams-selectors'
import { receiveTail, useStreamsStore } from '../../../src/renderer/src/stores/streams-store'
import { entries } from './fixtures'

const pending = (id: string, idleMs: number, consumer = 'dead-1'): PendingEntry => ({
  id,
  consumer,
  idleMs,
  deliveries: 1,
  fields: {},
  role: 'manager',
  stage: 'start',
  lastHop: null,
})

describe('the pending list', () => {
  it('calls an entry stuck when idle over the operator threshold', () => {
    usePendingStore.setState({ entries: [pending('1-0', 5_000), pending('2-0', 120_000)], stuckThresholdMs: 60_000, selected: {} })
    const s = usePendingStore.getState()
    expect(pendingSelectors.stuckCount(s)).toBe(1)
    expect(pendingSelectors.isStuck(s, s.entries[1]!)).toBe(true)
  })

  it('suggests the smallest idle time of the selection as min idle, and lists claim targets by load', () => {
    usePendingStore.setState({
      entries: [pending('1-0', 5_000), pending('2-0', 120_000), pending('3-0', 90_000)],
      selected: { '2-0': true, '3-0': true },
      consumers: [
        { name: 'busy', pending: 10 },
        { name: 'idle', pending: 0 },
      ],
    })
    const s = usePendingStore.getState()
    expect(pendingSelectors.selectedCount(s)).toBe(2)
    expect(pendingSelectors.minSelectedIdleMs(s)).toBe(90_000)
    expect(pendingSelectors.claimTargets(s).map((c) => c.name)).toEqual(['idle', 'busy'])
  })
})

describe('the live tail in the streams store', () => {
  it('takes batches of its own tail only, and only while live', () => {
    useStreamsStore.setState({ stream: 's', rows: entries(2, 1), length: 2, tailId: 't1', tailState: 'live', dropped: 0 })
    receiveTail({ tailId: 'other', stream: 's', entries: entries(9), lastId: '9-0', dropped: 0 })
    receiveTail({ tailId: 't1', stream: 's', entries: entries(3, 4), lastId: '4-0', dropped: 1 })
    let s = useStreamsStore.getState()
    expect(s.rows.map((r) => r.id)).toEqual(['4-0', '3-0', '2-0', '1-0'])
    expect(s.dropped).toBe(1)
    useStreamsStore.setState({ tailState: 'paused', pauseReason: 'scroll' })
    receiveTail({ tailId: 't1', stream: 's', entries: entries(5), lastId: '5-0', dropped: 0 })
    s = useStreamsStore.getState()
    expect(s.rows).toHaveLength(4)
    expect(streamsSelectors.tailLabel(s)).toBe('Paused (scrolled)')
  })
})
