import { describe, expect, it } from 'vitest'
import { connectionSelectors } from '../../../src/renderer/src/stores/connection-store'
import { DEFAULT_DRAFT, parseDraft } from '../../../src/renderer/src/views/inject/inject-form'
import type { ConnectionStatus } from '@shared/api'

const status = (state: ConnectionStatus['state']): ConnectionStatus => ({
  state,
  target: 'redis://127.0.0.1:6379/0',
  embedded: true,
  latencyMs: null,
  serverVersion: null,
  error: null,
  canSavePasswords: false,
})

describe('the connection badge', () => {
  it('reads one of three words, an error counting as disconnected', () => {
    expect(connectionSelectors.badgeText(null)).toBe('connecting')
    expect(connectionSelectors.badgeText(status('connecting'))).toBe('connecting')
    expect(connectionSelectors.badgeText(status('connected'))).toBe('connected')
    expect(connectionSelectors.badgeText(status('disconnected'))).toBe('disconnected')
    expect(connectionSelectors.badgeText(status('error'))).toBe('disconnected')
  })
})

describe('the inject form', () => {
  it('sends the default "Hello, world!" draft to the manager as it is', () => {
    const parsed = parseDraft(DEFAULT_DRAFT)
    expect(parsed).toEqual({
      ok: true,
      args: expect.objectContaining({
        target: { kind: 'role', name: 'manager' },
        envelope: { payload: { text: 'Hello, world!', stage: 'start' } },
      }),
    })
  })

  it('names the field that is wrong, with the request schema\'s own words', () => {
    expect(parseDraft({ ...DEFAULT_DRAFT, payloadText: '[1, 2' })).toEqual({
      ok: false,
      errors: { payload: expect.stringContaining('payload is not JSON') },
    })
    const noTarget = parseDraft({ ...DEFAULT_DRAFT, targetName: ' ' })
    expect(noTarget.ok).toBe(false)
    if (!noTarget.ok) expect(Object.keys(noTarget.errors)).toEqual(['target'])
    const tooMany = parseDraft({ ...DEFAULT_DRAFT, copies: '0' })
    if (tooMany.ok) throw new Error('copies 0 accepted')
    expect(tooMany.errors.copies).toBeDefined()
    const list = parseDraft({ ...DEFAULT_DRAFT, payloadText: '[1]' })
    if (list.ok) throw new Error('an array payload accepted')
    expect(list.errors.payload).toBeDefined()
  })
})
