import { useCallback, useEffect, useState } from 'react'
import { Toaster } from '../components/operator/Toaster'
import { startConnection, useConnectionStore } from '../stores/connection-store'
import { allViews, findView } from './all-views'
import { ConnectionBadge } from './ConnectionBadge'
import { ShortcutHelp } from './ShortcutHelp'
import { startTheme } from './theme'
import { ThemeToggle } from './ThemeToggle'
import { useGlobalKeys } from './use-global-keys'
import { useHashRoute } from './use-hash-route'

const VIEW_IDS = allViews.map((view) => view.id)

/** The shell: navigation, the connection badge, and the current view. */
export function App({ rootElement }: { rootElement: HTMLElement }) {
  const [route, navigate] = useHashRoute()
  const [ready, setReady] = useState(false)
  const [bootError, setBootError] = useState<string | null>(null)
  const status = useConnectionStore((s) => s.status)
  const [helpOpen, setHelpOpen] = useState(false)
  const openHelp = useCallback(() => setHelpOpen(true), [])
  useEffect(() => startTheme(), [])
  useGlobalKeys(VIEW_IDS, navigate, openHelp)

  useEffect(() => {
    let unsubscribe: (() => void) | undefined
    startConnection()
      .then((off) => {
        unsubscribe = off
        const first = useConnectionStore.getState().status
        // Nothing to show without Redis: open the screen that fixes it.
        if (first?.state === 'error' && !window.location.hash) navigate('connection')
        setReady(true)
      })
      .catch((error: unknown) => setBootError(error instanceof Error ? error.message : String(error)))
    return () => unsubscribe?.()
  }, [navigate])

  useEffect(() => {
    // The readiness marker e2e tests wait on (never on sleeps).
    rootElement.dataset.appState = ready ? 'ready' : 'loading'
  }, [ready, rootElement])

  const current = findView(route) ?? allViews[0]
  const View = current?.component
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Switchyard</span>
        <nav className="nav" aria-label="Views">
          {allViews.map((view) => (
            <a
              key={view.id}
              href={`#${view.id}`}
              data-nav={view.id}
              aria-current={view.id === current?.id ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault()
                navigate(view.id)
              }}
            >
              {view.label}
            </a>
          ))}
        </nav>
        <ThemeToggle />
        <button type="button" className="help-button" title="Keyboard shortcuts (?)" onClick={openHelp}>
          ?
        </button>
        <ConnectionBadge onOpen={() => navigate('connection')} />
      </header>
      {status?.state === 'error' && status.error && (
        <div className="banner banner-error" role="alert">
          {status.error}
        </div>
      )}
      {bootError && (
        <div className="banner banner-error" role="alert">
          {bootError}
        </div>
      )}
      <main className="content">{ready && View && <View key={current.id} />}</main>
      {helpOpen ? <ShortcutHelp views={allViews} onClose={() => setHelpOpen(false)} /> : null}
      <Toaster />
    </div>
  )
}
