import { randomBytes, timingSafeEqual } from 'node:crypto'

/** 32 random bytes, URL-safe: the headless host's only credential. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Constant-time comparison, so the token cannot be guessed byte by byte. */
export function tokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}
