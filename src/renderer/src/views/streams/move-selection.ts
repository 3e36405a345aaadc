/** The index after moving `step` rows from the selected one (newest first; j = down = older). */
export function moveSelection(ids: string[], selectedId: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null
  const at = selectedId === null ? -1 : ids.indexOf(selectedId)
  if (at < 0) return ids[0] ?? null
  return ids[Math.max(0, Math.min(ids.length - 1, at + step))] ?? null
}
