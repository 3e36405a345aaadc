import { describe, expect, it } from 'vitest'
import { envelopeSchema, resultListOf } from '@shared/envelope'
import { parseWith } from '@shared/validate'

describe('envelope schema', () => {
  it('accepts the seed message-flow example and fills the fields it leaves out', () => {
    const parsed = parseWith(envelopeSchema, {
      conversation_id: 'conv_123',
      message_id: 'conv_123:1726339057.123',
      target_role: 'manager',
      sender_role: 'external',
      kind: 'task',
      payload: { text: 'Hello, world!', stage: 'start' },
      result_list: 'result:conv_123:1726339057.123',
    })
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.value.trace).toEqual([])
    expect(parsed.value.process_count).toBe(0)
    expect(parsed.value.target_agent_id).toBeNull()
    expect(resultListOf(parsed.value)).toBe('result:conv_123:1726339057.123')
  })

  it('names every failing path', () => {
    const parsed = parseWith(envelopeSchema, { conversation_id: 7, payload: 'x' })
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.message).toContain('conversation_id')
    expect(parsed.message).toContain('message_id')
    expect(parsed.message).toContain('payload')
  })
})
