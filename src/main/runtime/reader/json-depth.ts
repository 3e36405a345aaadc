// How deep an envelope's JSON nests, measured before it is parsed.
/** Deepest nesting of objects and arrays an envelope may have: deeper input is dead-lettered before JSON.parse. */
export const MAX_JSON_DEPTH = 256

/**
 * True when `text` nests objects/arrays deeper than `limit`. Text with no
 * more than `limit` opening brackets in all cannot (counted with indexOf,
 * which runs natively: nearly free for an ordinary envelope); otherwise one
 * pass over the characters, skipping strings, that stops at the first level
 * too many (a 5,000-deep payload is refused at level 257).
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  return openingsAbove(text, limit) && scanDeeperThan(text, limit)
}

/** More than `limit` '{' and '[' in all (inside strings too: an upper bound of the depth). */
function openingsAbove(text: string, limit: number): boolean {
  let count = 0
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1)) {
      if (++count > limit) return true
    }
  }
  return false
}

function scanDeeperThan(text: string, limit: number): boolean {
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
