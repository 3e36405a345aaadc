import { describe, expect, it } from 'vitest'
import type { PendingEntry } from '@shared/api'
import { pendingSelectors, PREVIEW_CHARS } from '../../../src/renderer/src/stores/pending-selectors'
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

describe('pending triage', () => {
  it('ticks idle times from the read time, and counts stuck rows at the given moment', () => {
    usePendingStore.setState({ entries: [pending('1-0', 50_000), pending('2-0', 1_000)], loadedAtMs: 1_000_000, stuckThresholdMs: 60_000, selected: {} })
    const s = usePendingStore.getState()
    expect(pendingSelectors.idleNow(s, s.entries[0]!, 1_005_000)).toBe(55_000)
    expect(pendingSelectors.stuckCount(s, 1_000_000)).toBe(0)
    expect(pendingSelectors.stuckIds(s, 1_010_000)).toEqual(['1-0'])
  })

  it('previews envelope payloads and flat fields, finds the message id, offers only empty consumers for deletion', () => {
    const env = { ...pending('1-0', 0), fields: { envelope: JSON.stringify({ message_id: 'm-1', payload: { text: 'hi', stage: 'upper' } }) } }
    expect(pendingSelectors.preview(env)).toBe('{"text":"hi","stage":"upper"}')
    expect(pendingSelectors.messageIdOf(env)).toBe('m-1')
    expect(pendingSelectors.messageIdOf({ ...env, messageId: 'from-server' })).toBe('from-server')
    const flat = { ...pending('2-0', 0), fields: { doc_id: 'd1', text: 'x'.repeat(500) } }
    expect(pendingSelectors.preview(flat).startsWith('doc_id=d1 text=xxx')).toBe(true)
    expect(pendingSelectors.preview(flat).length).toBe(PREVIEW_CHARS)
    expect(pendingSelectors.messageIdOf(flat)).toBeNull()
    expect(pendingSelectors.canDeleteConsumer({ pending: 0 })).toBe(true)
    expect(pendingSelectors.canDeleteConsumer({ pending: 3 })).toBe(false)
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
