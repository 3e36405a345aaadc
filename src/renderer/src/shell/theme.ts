import { create } from 'zustand'

import { resolveTheme, type ThemeChoice } from './theme-choice'

export type { ThemeChoice }
const STORAGE_KEY = 'switchyard.theme'
const DARK_QUERY = '(prefers-color-scheme: dark)'

function storedChoice(): ThemeChoice {
  const value = window.localStorage.getItem(STORAGE_KEY)
  return value === 'light' || value === 'dark' ? value : 'system'
}

export const useThemeStore = create<{ choice: ThemeChoice }>(() => ({ choice: 'system' }))

function apply(): void {
  const systemDark = window.matchMedia(DARK_QUERY).matches
  const theme = resolveTheme(useThemeStore.getState().choice, systemDark)
  document.documentElement.dataset.theme = theme
  document.documentElement.style.colorScheme = theme
}

/** Cycles system → the other of the current theme → system… so one key toggles. */
export function toggleTheme(): void {
  const current = document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'
  const next: ThemeChoice = current === 'dark' ? 'light' : 'dark'
  window.localStorage.setItem(STORAGE_KEY, next)
  useThemeStore.setState({ choice: next })
  apply()
}

export function followSystemTheme(): void {
  window.localStorage.removeItem(STORAGE_KEY)
  useThemeStore.setState({ choice: 'system' })
  apply()
}

/** Applies the theme now and follows the system's changes; answers the unsubscribe. */
export function startTheme(): () => void {
  useThemeStore.setState({ choice: storedChoice() })
  apply()
  const media = window.matchMedia(DARK_QUERY)
  media.addEventListener('change', apply)
  return () => media.removeEventListener('change', apply)
}
