/** Deepest nesting of objects and arrays an envelope may have: deeper input is dead-lettered before JSON.parse. */
export const MAX_JSON_DEPTH = 256

/**
 * True when `text` nests objects/arrays deeper than `limit`. One pass over
 * the characters, skipping strings: cheaper than a parse, and it stops at the
 * first level too many (a 5,000-deep payload is refused at level 257).
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) {
      inString = true
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true
    } else if (c === 0x7d || c === 0x5d) {
      depth--
    }
  }
  return false
}
