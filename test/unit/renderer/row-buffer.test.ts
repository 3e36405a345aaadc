import { describe, expect, it } from 'vitest'
import { appendOlder, MAX_STREAM_ROWS, prependNewer } from '../../../src/renderer/src/views/streams/row-buffer'
import { entries } from './fixtures'

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id)

describe('the streams row buffer', () => {
  it('puts tailed entries on top, newest first', () => {
    const { rows, trimmedOlder } = prependNewer(entries(3, 2, 1), entries(4, 5))
    expect(ids(rows)).toEqual(['5-0', '4-0', '3-0', '2-0', '1-0'])
    expect(trimmedOlder).toBe(false)
  })

  it('never duplicates a row when a resumed tail overlaps what is shown', () => {
    const { rows } = prependNewer(entries(3, 2, 1), entries(2, 3, 4))
    expect(ids(rows)).toEqual(['4-0', '3-0', '2-0', '1-0'])
  })

  it('compares ids numerically, not as text', () => {
    const { rows } = prependNewer([{ id: '999-5', fields: {} }], [{ id: '1000-0', fields: {} }, { id: '999-10', fields: {} }])
    expect(ids(rows)).toEqual(['1000-0', '999-10', '999-5'])
  })

  it('stays under its bound by dropping the oldest rows and says so', () => {
    const start = Array.from({ length: MAX_STREAM_ROWS }, (_, i) => ({ id: `${MAX_STREAM_ROWS - i}-0`, fields: {} }))
    const { rows, trimmedOlder } = prependNewer(start, entries(MAX_STREAM_ROWS + 1, MAX_STREAM_ROWS + 2))
    expect(rows).toHaveLength(MAX_STREAM_ROWS)
    expect(rows[0]?.id).toBe(`${MAX_STREAM_ROWS + 2}-0`)
    expect(rows[rows.length - 1]?.id).toBe('3-0')
    expect(trimmedOlder).toBe(true)
  })

  it('appends older pages below, skipping rows already shown, and refuses rows over the bound', () => {
    expect(ids(appendOlder(entries(9, 8), entries(8, 7, 6)))).toEqual(['9-0', '8-0', '7-0', '6-0'])
    expect(ids(appendOlder(entries(9, 8), entries(7, 6, 5), 3))).toEqual(['9-0', '8-0', '7-0'])
  })
})
