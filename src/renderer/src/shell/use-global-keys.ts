import { useEffect } from 'react'
import { viewForKey } from './shortcuts'
import { toggleTheme } from './theme'

/** Typing in a field or working in a dialog keeps its keys. */
export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, select, textarea, [contenteditable="true"], [role="dialog"]') !== null
}

/** `?` help, `t` theme, digits for views; fields and dialogs keep their keys. */
export function useGlobalKeys(viewIds: string[], navigate: (id: string) => void, openHelp: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return
      if (document.querySelector('[role="dialog"]')) return
      const view = viewForKey(event.key, viewIds)
      if (event.key === '?') openHelp()
      else if (event.key === 't') toggleTheme()
      else if (view) navigate(view)
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [viewIds, navigate, openHelp])
}
