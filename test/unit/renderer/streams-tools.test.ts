import { describe, expect, it } from 'vitest'
import { entriesToCsv, entriesToJson, neutraliseCell } from '../../../src/renderer/src/views/streams/export-entries'
import { expandJsonFields, filterEntries, parseFilter } from '../../../src/renderer/src/views/streams/entry-filter'
import { moveSelection } from '../../../src/renderer/src/views/streams/move-selection'
import type { StreamEntry } from '@shared/api'
import { envelope } from './fixtures'

const withStage = (id: string, stage: string): StreamEntry => ({ id, fields: { envelope: '…' }, envelope: envelope({ payload: { text: id, stage } }) })

describe('the Streams value filter', () => {
  const rows: StreamEntry[] = [
    withStage('3-0', 'reverse'),
    withStage('2-0', 'upper'),
    { id: '1-0', fields: { doc_id: 'doc-1', meta: '{"lang":"en","pages":3}' } },
  ]
  it('finds payload.stage = upper in the decoded envelope', () => {
    expect(filterEntries(rows, parseFilter('payload.stage = upper')).map((r) => r.id)).toEqual(['2-0'])
  })
  it('reads JSON inside a flat field by path, and != and ~', () => {
    expect(filterEntries(rows, parseFilter('meta.lang = en')).map((r) => r.id)).toEqual(['1-0'])
    expect(filterEntries(rows, parseFilter('meta.pages = 3')).map((r) => r.id)).toEqual(['1-0'])
    expect(filterEntries(rows, parseFilter('payload.stage != upper')).map((r) => r.id)).toEqual(['3-0', '1-0'])
    expect(filterEntries(rows, parseFilter('doc_id ~ DOC')).map((r) => r.id)).toEqual(['1-0'])
  })
  it('plain text searches everything; empty keeps all', () => {
    expect(filterEntries(rows, parseFilter('REVERSE')).map((r) => r.id)).toEqual(['3-0'])
    expect(filterEntries(rows, parseFilter('  '))).toBe(rows)
  })
  it('shows JSON in flat fields as JSON, other values as they are', () => {
    expect(expandJsonFields({ meta: '{"a":[1]}', text: '{not json', n: '5' })).toEqual({ meta: { a: [1] }, text: '{not json', n: '5' })
  })
})

describe('export of the loaded entries', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const cell of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx']) expect(neutraliseCell(cell).startsWith("'")).toBe(true)
    expect(neutraliseCell('ok=1')).toBe('ok=1')
  })
  it('writes a header of every field seen, quotes what needs it', () => {
    const csv = entriesToCsv([
      { id: '1700000000000-0', fields: { a: '=HYPERLINK("x")', b: 'one, two' } },
      { id: '1700000000001-0', fields: { c: 'line\nbreak' } },
    ])
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe('id,time,a,b,c')
    expect(lines[1]).toBe(`1700000000000-0,2023-11-14T22:13:20.000Z,"'=HYPERLINK(""x"")","one, two",`)
    expect(lines[2]).toContain('"line\nbreak"')
  })
  it('JSON keeps ids, fields and decoded envelopes', () => {
    const parsed = JSON.parse(entriesToJson([withStage('1-0', 'upper')])) as Array<{ id: string; envelope: { payload: { stage: string } } }>
    expect(parsed[0]?.envelope.payload.stage).toBe('upper')
  })
})

describe('j / k', () => {
  it('moves down (j) and up (k) within bounds, starting at the top', () => {
    const ids = ['3', '2', '1']
    expect(moveSelection(ids, null, 1)).toBe('3')
    expect(moveSelection(ids, '3', 1)).toBe('2')
    expect(moveSelection(ids, '1', 1)).toBe('1')
    expect(moveSelection(ids, '3', -1)).toBe('3')
    expect(moveSelection([], null, 1)).toBeNull()
  })
})

describe('export of binary values', () => {
  it('writes non-UTF-8 values as marked hex in CSV and keeps the marks in JSON', () => {
    const row: StreamEntry = { id: '1-0', fields: { blob: 'ff00' }, hexValues: ['blob'] }
    expect(entriesToCsv([row]).split('\r\n')[1]).toContain('hex, not UTF-8')
    expect(JSON.parse(entriesToJson([row]))[0].hexValues).toEqual(['blob'])
  })
})
