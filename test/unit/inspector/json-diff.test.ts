import { describe, expect, it } from 'vitest'
import { DIFF_MAX_OPS, diffJson } from '../../../src/main/inspector/traces/json-diff'

describe('diffJson', () => {
  it('finds nothing between equal values, whatever the key order', () => {
    expect(diffJson({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toEqual([])
  })

  it('reports replaced, added and removed keys with their paths', () => {
    expect(diffJson({ payload: { text: 'hi', old: true }, n: 1 }, { payload: { text: 'HI', stage: 'upper' }, n: 1 })).toEqual([
      { op: 'replace', path: '/payload/text', before: 'hi', after: 'HI' },
      { op: 'remove', path: '/payload/old', before: true },
      { op: 'add', path: '/payload/stage', after: 'upper' },
    ])
  })

  it('diffs arrays by position: grown, shrunk and changed items', () => {
    expect(diffJson({ t: [1, 2] }, { t: [1, 3, 4] })).toEqual([
      { op: 'replace', path: '/t/1', before: 2, after: 3 },
      { op: 'add', path: '/t/2', after: 4 },
    ])
    expect(diffJson([1, 2, 3], [1])).toEqual([
      { op: 'remove', path: '/2', before: 3 },
      { op: 'remove', path: '/1', before: 2 },
    ])
  })

  it('replaces a value whose type changed, and the root itself', () => {
    expect(diffJson({ a: [1] }, { a: { 0: 1 } })).toEqual([{ op: 'replace', path: '/a', before: [1], after: { 0: 1 } }])
    expect(diffJson(1, 'one')).toEqual([{ op: 'replace', path: '/', before: 1, after: 'one' }])
  })

  it('escapes / and ~ in keys like a JSON pointer', () => {
    expect(diffJson({}, { 'a/b~c': 1 })).toEqual([{ op: 'add', path: '/a~1b~0c', after: 1 }])
  })

  it('stops at its bound on huge differences', () => {
    const before = Object.fromEntries([...Array(2000).keys()].map((i) => [`k${i}`, i]))
    expect(diffJson(before, {})).toHaveLength(DIFF_MAX_OPS)
  })
})
