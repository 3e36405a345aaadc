import { describe, expect, it } from 'vitest'
import type { TopologySnapshot } from '@shared/api'
import { topologySelectors } from '../../../src/renderer/src/stores/topology-selectors'
import { unreadableTitle } from '../../../src/renderer/src/components/operator/unreadable-title'
import { slotRangesText } from '../../../src/renderer/src/stores/cluster-nodes-store'

const empty: TopologySnapshot = { ts: 1, streams: [], agents: [], graph: { nodes: [], edges: [] }, streamCount: 0, truncated: false }

describe('what the topology could not read', () => {
  it('lists the snapshot’s refused keys, and nothing when every key was read', () => {
    const sentences = [
      'the Redis user may not access switchyard:agents; its ACL needs a ~<pattern> that covers it',
      'the Redis user may not access switchyard:journal; its ACL needs a ~<pattern> that covers it',
    ]
    expect(topologySelectors.unreadable({ snapshot: { ...empty, unreadable: sentences }, error: null })).toEqual(sentences)
    expect(topologySelectors.unreadable({ snapshot: empty, error: null })).toEqual([])
    expect(topologySelectors.unreadable({ snapshot: null, error: null })).toEqual([])
  })

  it('counts them in words', () => {
    expect(unreadableTitle(1)).toBe('1 key could not be read:')
    expect(unreadableTitle(2)).toBe('2 keys could not be read:')
  })
})

describe('a Cluster node’s slots in words', () => {
  it('joins ranges, shows single slots alone, and says none for a replica', () => {
    expect(slotRangesText([[0, 5460], [10923, 10923]])).toBe('0–5460, 10923')
    expect(slotRangesText([])).toBe('none')
  })
})
