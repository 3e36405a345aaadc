/** One line of the `?` overlay. */
export interface Shortcut {
  keys: string
  what: string
}

/** Keys each view handles itself, listed in the help overlay. */
export const VIEW_SHORTCUTS: Record<string, Shortcut[]> = {
  Streams: [
    { keys: 'j / k', what: 'next / previous entry' },
    { keys: 'c', what: 'copy the selected entry as JSON' },
    { keys: '/', what: 'filter the loaded entries by field value' },
  ],
  Traces: [
    { keys: '← / →', what: 'previous / next hop' },
    { keys: 'Home / End', what: 'first / last hop' },
  ],
}

export const GLOBAL_SHORTCUTS: Shortcut[] = [
  { keys: '?', what: 'show this list' },
  { keys: 't', what: 'toggle light / dark theme' },
  { keys: 'Esc', what: 'close a dialog or this list' },
]

/** Digit keys open the views in navigation order (1 = the first). */
export function viewForKey(key: string, viewIds: string[]): string | null {
  if (!/^[1-9]$/.test(key)) return null
  return viewIds[Number(key) - 1] ?? null
}
