import { describe, expect, it } from 'vitest'
import { rolesToStart } from '../../../src/main/app/agent-roles'

describe('which agents start on connect', () => {
  it('runs the demo on the embedded Redis and nothing on an external one unless asked', () => {
    expect(rolesToStart({}, true)).toEqual(['manager', 'uppercase', 'reverse', 'stats'])
    expect(rolesToStart({}, false)).toEqual([])
    expect(rolesToStart({ SWITCHYARD_AGENTS: 'demo' }, false)).toHaveLength(4)
    expect(rolesToStart({ SWITCHYARD_AGENTS: 'none' }, true)).toEqual([])
    expect(rolesToStart({ SWITCHYARD_AGENTS: 'reverse, grammar' }, false)).toEqual(['reverse', 'grammar'])
    expect(() => rolesToStart({ SWITCHYARD_AGENTS: 'manager,wizard' }, false)).toThrow(/unknown role\(s\) wizard/)
  })
})
