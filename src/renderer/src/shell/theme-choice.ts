export type ThemeChoice = 'system' | 'light' | 'dark'

/** The theme in force: the operator's choice, or the system's when they chose none. */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice
}
