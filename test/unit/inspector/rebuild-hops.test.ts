import { describe, expect, it } from 'vitest'
import type { TraceHop } from '@shared/api'
import type { TraceEntry } from '@shared/envelope'
import { withRebuiltHops } from '../../../src/main/inspector/traces/rebuild-hops'
import { envelope } from '../renderer/fixtures'

const entry = (role: string, k: number): TraceEntry => ({ start_ts: k, role, agent_id: `${role}-1`, end_ts: k + 0.5, duration: 0.5 })
const roles = ['manager', 'uppercase', 'manager', 'reverse', 'manager']
const traceUpTo = (n: number): TraceEntry[] => roles.slice(0, n).map((role, k) => entry(role, k))
const journaled = (n: number, destination: string): TraceHop => ({
  index: 0,
  entryId: `${n}-0`,
  ts: n,
  role: roles[n - 1]!,
  agentId: `${roles[n - 1]}-1`,
  destination,
  envelope: envelope({ trace: traceUpTo(n), process_count: n, payload: { n } }),
  diff: [],
})

describe('hops of agents that keep no journal', () => {
  it('are rebuilt, in order and marked, from the trace the next journaled hop carries', () => {
    // uppercase (hop 2) and reverse (hop 4) journal nothing: only the manager's three hops are in the journal.
    const hops = withRebuiltHops([journaled(1, 'stream:role:uppercase'), journaled(3, 'stream:role:reverse'), journaled(5, 'result:m1')], null)
    expect(hops.map((h) => [h.index, h.role, h.rebuilt ?? false])).toEqual([
      [0, 'manager', false],
      [1, 'uppercase', true],
      [2, 'manager', false],
      [3, 'reverse', true],
      [4, 'manager', false],
    ])
    expect(hops[1]).toMatchObject({ entryId: '', agentId: 'uppercase-1', destination: 'stream:role:manager', ts: 1.5, diff: [] })
    expect(hops[1]!.envelope.trace).toHaveLength(2)
    // Journaled hops are diffed against the journaled hop before them.
    expect(hops[2]!.diff).toContainEqual(expect.objectContaining({ path: '/payload/n', before: 1, after: 3 }))
  })

  it('takes the last hops from the result when the journal ends before it', () => {
    const result = envelope({ trace: traceUpTo(4), kind: 'result' })
    const hops = withRebuiltHops([journaled(1, 'stream:role:uppercase'), journaled(3, 'stream:role:reverse')], result)
    expect(hops.map((h) => h.role)).toEqual(['manager', 'uppercase', 'manager', 'reverse'])
    expect(hops[3]).toMatchObject({ rebuilt: true, destination: 'result:m1' })
  })

  it('adds nothing when every agent journals', () => {
    const all = [1, 2, 3, 4, 5].map((n) => journaled(n, 'x'))
    expect(withRebuiltHops(all, null).some((h) => h.rebuilt)).toBe(false)
  })
})
