import { describe, expect, it } from 'vitest'
import { createTopicFanout } from '@shared/topic-fanout'

describe('the event fan-out both transports use', () => {
  it('subscribes a topic on its first listener, delivers to each, and unsubscribes after its last', () => {
    const toggles: string[] = []
    const fanout = createTopicFanout((topic, on) => toggles.push(`${topic} ${on}`))
    const got: unknown[] = []
    const offA = fanout.subscribe('stats', (p) => got.push(['a', p]))
    const offB = fanout.subscribe('stats', (p) => got.push(['b', p]))
    expect(toggles).toEqual(['stats true'])
    expect(fanout.topics()).toEqual(['stats'])
    fanout.deliver('stats', 1)
    fanout.deliver('topology', 2) // nobody listens: dropped
    expect(got).toEqual([['a', 1], ['b', 1]])
    offA()
    offA() // twice is harmless
    expect(toggles).toEqual(['stats true'])
    offB()
    expect(toggles).toEqual(['stats true', 'stats false'])
    expect(fanout.topics()).toEqual([])
    fanout.deliver('stats', 3)
    expect(got).toHaveLength(2)
  })
})
