/**
 * Redis values are bytes. Across the ControlApi a field's name and value are
 * strings when they are valid UTF-8; otherwise they travel as lowercase hex
 * and the entry says so, so nothing is silently turned into U+FFFD:
 *
 * - `hexValues`: names (as they appear in `fields`) whose value is hex;
 * - `hexNames`: names that are themselves hex (the original name was not UTF-8).
 *
 * Both are absent when every byte was UTF-8. The bytes in Redis are never
 * changed: moves and replays copy them as they are, this is only how they are shown.
 */
export interface BinaryMarks {
  hexValues?: string[]
  hexNames?: string[]
}

/** Hex digits of a marked value, grouped for reading: `82a3 c4ff fe00 01`. */
export function groupHex(hex: string, group = 4): string {
  return hex.replace(new RegExp(`(.{${group}})(?=.)`, 'g'), '$1 ')
}
