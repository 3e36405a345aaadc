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

describe('jump by the Time column and by relative time', () => {
  const now = new Date(2026, 0, 2, 15, 0, 0, 0).getTime()
  it('reads "5 minutes ago", "90 s ago", "2h ago", "-10m"', () => {
    expect(parseJump('5 minutes ago', now)).toEqual({ ok: true, at: now - 5 * 60_000 })
    expect(parseJump('90 s ago', now)).toEqual({ ok: true, at: now - 90_000 })
    expect(parseJump('2h ago', now)).toEqual({ ok: true, at: now - 2 * 3_600_000 })
    expect(parseJump('-10m', now)).toEqual({ ok: true, at: now - 600_000 })
  })
  it('reads the Time column format as today, or yesterday when still ahead', () => {
    expect(parseJump('14:05:09.120', now)).toEqual({ ok: true, at: new Date(2026, 0, 2, 14, 5, 9, 120).getTime() })
    expect(parseJump('16:00:00', now)).toEqual({ ok: true, at: new Date(2026, 0, 1, 16, 0, 0, 0).getTime() })
    expect(parseJump('25:00:00', now).ok).toBe(false)
  })
})
