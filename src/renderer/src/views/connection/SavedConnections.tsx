import { useState } from 'react'
import type { SavedConnection } from '@shared/api'
import { connectSaved, forgetSaved, useConnectionStore } from '../../stores/connection-store'
import { messageOf } from '../field-errors'
import { ProductionConnectDialog } from './ProductionConnectDialog'

/** The saved list: connect (stored password used by main, never sent here) or forget. */
export function SavedConnections() {
  const saved = useConnectionStore((s) => s.saved)
  const [error, setError] = useState<string | null>(null)
  const [asking, setAsking] = useState<SavedConnection | null>(null)

  const connect = (c: SavedConnection) => {
    setError(null)
    setAsking(null)
    connectSaved(c).catch((e: unknown) => setError(messageOf(e)))
  }
  const forget = (c: SavedConnection) => {
    forgetSaved(c).catch((e: unknown) => setError(messageOf(e)))
  }

  if (saved.length === 0) return <p className="hint">No saved connections.</p>
  return (
    <>
      <ul className="saved-list" data-testid="saved-connections">
        {saved.map((c) => (
          <li key={c.id}>
            <span className="saved-name">{c.name}</span>
            <span className="saved-url">
              {c.url}
              {c.hasPassword ? ' · password stored' : ''}
              {c.hasTlsFiles ? ' · TLS files stored' : ''}
              {c.production ? ' · production' : ''}
            </span>
            {/* Production connections ask for their name first, in the app's own dialog. */}
            <button type="button" onClick={() => (c.production ? setAsking(c) : connect(c))}>
              Connect
            </button>
            <button type="button" onClick={() => forget(c)}>
              Forget
            </button>
          </li>
        ))}
        {error && (
          <li className="error" role="alert">
            {error}
          </li>
        )}
      </ul>
      {asking ? <ProductionConnectDialog connection={asking} onConfirm={() => connect(asking)} onCancel={() => setAsking(null)} /> : null}
    </>
  )
}
