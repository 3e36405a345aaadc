import { describe, expect, it } from 'vitest'
import { newToken, tokenMatches } from '../../../src/main/host/token'

describe('the host token', () => {
  it('is long, random, and only the exact string matches', () => {
    const token = newToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(newToken()).not.toBe(token)
    expect(tokenMatches(token, token)).toBe(true)
    expect(tokenMatches(token, token.slice(0, -1))).toBe(false)
    expect(tokenMatches(token, undefined)).toBe(false)
    expect(tokenMatches(token, 42)).toBe(false)
  })
})
