import { describe, expect, it } from 'vitest'
import { roleFromClassName } from '../../../src/main/runtime/core/role-name'
import { checkSafetyLimits } from '../../../src/main/runtime/hop/safety'
import { DEFAULT_SAFETY } from '../../../src/main/runtime/core/options'
import { nextManagerStep } from '../../../src/main/runtime/agents/manager-steps'
import { splitIntoChunks } from '../../../src/main/runtime/agents/doc-producer'
import { parseControlMessage } from '../../../src/main/runtime/control/control-bus'
import { compareStreamIds, nextStreamId } from '../../../src/main/runtime/reader/stream-ids'
import { parseReadReply } from '../../../src/main/runtime/reader/stream-entry'

describe('role from class name', () => {
  it('drops the Agent suffix and snake-cases the rest, as seed 001 does', () => {
    expect(roleFromClassName('UppercaseAgent')).toBe('uppercase')
    expect(roleFromClassName('ManagerAgent')).toBe('manager')
    expect(roleFromClassName('SearchDocsAgent')).toBe('search_docs')
    expect(roleFromClassName('QualityControlAgent')).toBe('quality_control')
    expect(roleFromClassName('Agent')).toBe('agent')
  })
})

describe('safety limits', () => {
  const fresh = { process_count: 0, total_processing_time: 0, create_ts: 1000 }
  it('lets a fresh envelope through', () => {
    expect(checkSafetyLimits(fresh, DEFAULT_SAFETY, 1001)).toBeNull()
  })
  it('stops at the process count with the seed message', () => {
    const v = checkSafetyLimits({ ...fresh, process_count: 50 }, DEFAULT_SAFETY, 1001)
    expect(v?.kind).toBe('process_count')
    expect(v?.message).toBe('Process count limit exceeded: 50 >= 50')
  })
  it('stops at the total processing time with the seed message', () => {
    const v = checkSafetyLimits({ ...fresh, total_processing_time: 301.234 }, DEFAULT_SAFETY, 1001)
    expect(v?.message).toBe('Total processing time limit exceeded: 301.23s >= 300.0s')
  })
  it('stops a stale envelope, and ignores age when create_ts is 0', () => {
    expect(checkSafetyLimits(fresh, DEFAULT_SAFETY, 1600.5)?.message).toBe('Envelope age limit exceeded: 600.50s >= 600.0s')
    expect(checkSafetyLimits({ ...fresh, create_ts: 0 }, DEFAULT_SAFETY, 1e12)).toBeNull()
  })
  it('checks the process count first, like the seed', () => {
    const v = checkSafetyLimits({ process_count: 60, total_processing_time: 400, create_ts: 1 }, DEFAULT_SAFETY, 5000)
    expect(v?.kind).toBe('process_count')
  })
})

describe('manager state machine', () => {
  const step = (stage: unknown) => nextManagerStep({ kind: 'task', payload: { stage } })
  it('follows the sequence diagram start → uppercase → reverse → result', () => {
    expect(step('start')).toEqual({ kind: 'forward', role: 'uppercase', stage: 'upper' })
    expect(step('upper')).toEqual({ kind: 'forward', role: 'reverse', stage: 'reverse' })
    expect(step('reverse')).toEqual({ kind: 'finish' })
  })
  it('reports an unknown stage with the seed error code', () => {
    expect(step('translate')).toEqual({ kind: 'fail', code: 'manager.stage', message: "Unknown stage 'translate' for kind 'task'" })
  })
})

describe('document chunking', () => {
  it('keeps paragraphs together up to the chunk size and cuts longer ones', () => {
    expect(splitIntoChunks('a\n\nb')).toEqual(['a\n\nb'])
    expect(splitIntoChunks('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)])
    expect(splitIntoChunks('  \n\n ')).toEqual([])
  })
})

describe('control messages', () => {
  it('accepts JSON {command} and bare words, refuses anything else', () => {
    expect(parseControlMessage('{"command":"pause"}')).toBe('pause')
    expect(parseControlMessage('reload')).toBe('reload')
    expect(parseControlMessage('{"command":"explode"}')).toBeNull()
    expect(parseControlMessage('{not json')).toBeNull()
  })
})

describe('stream ids and replies', () => {
  it('orders ids numerically, not as text', () => {
    expect(compareStreamIds('9-0', '10-0')).toBeLessThan(0)
    expect(compareStreamIds('10-2', '10-10')).toBeLessThan(0)
    expect(nextStreamId('10-9')).toBe('10-10')
  })
  it('reads both RESP2 and RESP3-flattened XREADGROUP replies', () => {
    const resp2 = [['s', [['1-0', ['a', 'b']]]]]
    const resp3 = ['s', [['1-0', ['a', 'b']]], 't', [['2-0', null]]]
    expect(parseReadReply(resp2, 'g')).toEqual([{ stream: 's', group: 'g', id: '1-0', fields: { a: 'b' }, deliveries: 1 }])
    expect(parseReadReply(resp3, 'g').map((e) => e.id)).toEqual(['1-0'])
    expect(parseReadReply(null, 'g')).toEqual([])
  })
})
