import { describe, expect, it } from 'vitest'
import { parseClusterNodes } from '../../../src/main/app/cluster-nodes'

// CLUSTER NODES of Redis 7.0 after a failover: 7001 was killed, 7004 took its slots; a migration is under way.
const TEXT = [
  'aaa 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-5460 [5461->-bbb]',
  'bbb 127.0.0.1:7001@17001 master,fail - 1700000000000 1700000000000 2 disconnected',
  'ccc 127.0.0.1:7002@17002,node-c master - 0 1700000000000 3 connected 10923-16383',
  'ddd 127.0.0.1:7003@17003 slave aaa 0 1700000000000 1 connected',
  'eee 127.0.0.1:7004@17004 master - 0 1700000000000 7 connected 5461-10922',
  'fff 127.0.0.1:7005@17005 slave,fail? ccc 0 1700000000000 3 connected',
  '',
].join('\n')

describe('CLUSTER NODES in the contract’s words', () => {
  it('reads address, role, the master a replica follows, slot ranges and reachability; masters by first slot, replicas after theirs', () => {
    const nodes = parseClusterNodes(TEXT)
    expect(nodes.map((n) => [n.address, n.role, n.replicaOf, n.slots, n.reachable])).toEqual([
      ['127.0.0.1:7000', 'master', null, [[0, 5460]], true],
      ['127.0.0.1:7003', 'replica', '127.0.0.1:7000', [], true],
      ['127.0.0.1:7004', 'master', null, [[5461, 10922]], true],
      ['127.0.0.1:7002', 'master', null, [[10923, 16383]], true],
      ['127.0.0.1:7005', 'replica', '127.0.0.1:7002', [], false],
      ['127.0.0.1:7001', 'master', null, [], false],
    ])
    expect(nodes.find((n) => n.address.endsWith(':7001'))?.flags).toEqual(['fail'])
    expect(nodes[0]?.flags).toEqual(['myself'])
  })
})
