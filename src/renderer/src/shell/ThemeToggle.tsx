import { followSystemTheme, toggleTheme, useThemeStore } from './theme'

/** Light/dark toggle; "auto" goes back to following the system. */
export function ThemeToggle() {
  const choice = useThemeStore((s) => s.choice)
  return (
    <span className="theme-toggle">
      <button type="button" onClick={toggleTheme} title="Toggle light/dark (t)" data-testid="theme-toggle">
        ◐
      </button>
      {choice !== 'system' ? (
        <button type="button" onClick={followSystemTheme} title="Follow the system theme">
          auto
        </button>
      ) : null}
    </span>
  )
}
