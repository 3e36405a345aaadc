import { useEffect, useState } from 'react'
import { connectionActions, useConnectionStore } from '../stores/connection-store'
import { allViews, findView } from './all-views'
import { ConnectionBadge } from './ConnectionBadge'
import { useHashRoute } from './use-hash-route'

/** The shell: navigation, the connection badge, and the current view. */
export function App({ rootElement }: { rootElement: HTMLElement }) {
  const [route, navigate] = useHashRoute()
  const [ready, setReady] = useState(false)
  const [bootError, setBootError] = useState<string | null>(null)
  const status = useConnectionStore((s) => s.status)

  useEffect(() => {
    let unsubscribe: (() => void) | undefined
    connectionActions
      .start()
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
    </div>
  )
}
