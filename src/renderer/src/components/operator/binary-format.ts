import { groupHex, type BinaryMarks } from '@shared/binary-values'

/** How a marked (non-UTF-8) value reads on screen: grouped hex, said to be hex. */
export const HEX_LABEL = 'hex, not UTF-8'

/** A field's value for display: itself, or its hex marked as such (see shared/binary-values). */
export function displayValue(marks: BinaryMarks, name: string, value: string): string {
  return marks.hexValues?.includes(name) ? `⟨${HEX_LABEL}⟩ ${groupHex(value)}` : value
}

/** A field's name for display: hex names are marked the same way. */
export function displayName(marks: BinaryMarks, name: string): string {
  return marks.hexNames?.includes(name) ? `⟨${HEX_LABEL}⟩ ${groupHex(name)}` : name
}

/** All fields for display, names and values marked where they are hex. */
export function displayFields(entry: BinaryMarks & { fields: Record<string, string> }): Record<string, string> {
  if (!entry.hexValues && !entry.hexNames) return entry.fields
  const shown: Record<string, string> = {}
  for (const [name, value] of Object.entries(entry.fields)) shown[displayName(entry, name)] = displayValue(entry, name, value)
  return shown
}
