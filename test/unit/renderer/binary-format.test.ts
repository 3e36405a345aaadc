import { describe, expect, it } from 'vitest'
import { displayFields, displayValue } from '../../../src/renderer/src/components/operator/binary-format'

describe('values that are not UTF-8 on screen', () => {
  it('shows a marked value as grouped hex, said to be hex; others as they are', () => {
    const entry = { fields: { payload: '82a3c4fffe0001', text: 'plain' }, hexValues: ['payload'] }
    expect(displayFields(entry)).toEqual({ payload: '⟨hex, not UTF-8⟩ 82a3 c4ff fe00 01', text: 'plain' })
    expect(displayValue(entry, 'text', '82a3')).toBe('82a3')
  })

  it('marks a hex name too, and leaves an unmarked entry untouched', () => {
    expect(displayFields({ fields: { '62696eff': 'x' }, hexNames: ['62696eff'] })).toEqual({ '⟨hex, not UTF-8⟩ 6269 6eff': 'x' })
    const plain = { fields: { a: 'b' } }
    expect(displayFields(plain)).toBe(plain.fields)
  })
})
