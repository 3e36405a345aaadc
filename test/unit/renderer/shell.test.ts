import { describe, expect, it } from 'vitest'
import { relativeTime } from '../../../src/renderer/src/components/operator/relative-time'
import { routeParam, traceHref } from '../../../src/renderer/src/components/operator/trace-link'
import { viewForKey } from '../../../src/renderer/src/shell/shortcuts'
import { resolveTheme } from '../../../src/renderer/src/shell/theme-choice'
import { viewOfHash } from '../../../src/renderer/src/shell/route'

describe('the shell', () => {
  it('follows the system theme unless the operator chose one', () => {
    expect(resolveTheme('system', true)).toBe('dark')
    expect(resolveTheme('system', false)).toBe('light')
    expect(resolveTheme('light', true)).toBe('light')
  })
  it('digits open views in navigation order', () => {
    expect(viewForKey('2', ['pipeline', 'streams'])).toBe('streams')
    expect(viewForKey('9', ['pipeline'])).toBeNull()
    expect(viewForKey('x', ['pipeline'])).toBeNull()
  })
  it('deep links: #traces/<message_id> round-trips, colons stay readable', () => {
    const id = '07cfd9fa-cd28:1796163289.378:132bfe3b'
    expect(traceHref(id)).toBe(`#traces/${id}`)
    expect(routeParam(traceHref(id), 'traces')).toBe(id)
    expect(routeParam('#traces/a%20b', 'traces')).toBe('a b')
    expect(routeParam('#traces', 'traces')).toBeNull()
    expect(viewOfHash(`#traces/${id}`)).toBe('traces')
  })
  it('relative times', () => {
    expect(relativeTime(1000, 1500)).toBe('now')
    expect(relativeTime(0, 12_000)).toBe('12 s ago')
    expect(relativeTime(0, 5 * 60_000)).toBe('5 min ago')
    expect(relativeTime(0, 3 * 3_600_000)).toBe('3 h ago')
    expect(relativeTime(10_000, 0)).toBe('in 10 s')
  })
})
