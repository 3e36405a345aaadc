import { describe, expect, it } from 'vitest'
import { parseJump } from '../../../src/renderer/src/views/streams/parse-jump'

describe('jump to an id or a time', () => {
  it('takes a stream id as it is', () => {
    expect(parseJump(' 1700000000000-3 ')).toEqual({ ok: true, at: '1700000000000-3' })
  })
  it('reads a long bare number as ms since the epoch', () => {
    expect(parseJump('1700000000000')).toEqual({ ok: true, at: 1_700_000_000_000 })
  })
  it('reads a date/time', () => {
    expect(parseJump('2026-01-02T03:04:05Z')).toEqual({ ok: true, at: Date.parse('2026-01-02T03:04:05Z') })
  })
  it('explains what it expected when the text is neither', () => {
    const outcome = parseJump('yesterday-ish')
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.message).toMatch(/stream id/)
    expect(parseJump('   ').ok).toBe(false)
  })
})
