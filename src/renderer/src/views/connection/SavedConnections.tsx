import { useState } from 'react'
import type { SavedConnection } from '../../../../shared/api'
import { call } from '../../api/client'
import { connectionActions, useConnectionStore } from '../../stores/connection-store'
import { messageOf } from '../field-errors'

/** The saved list: connect (stored password used by main, never sent here) or forget. */
export function SavedConnections() {
  const saved = useConnectionStore((s) => s.saved)
  const [error, setError] = useState<string | null>(null)

  const connect = (c: SavedConnection) => {
    setError(null)
    // Production connections ask for their name first, as a guard against slips.
    if (c.production && window.prompt(`Type the name "${c.name}" to connect to this production Redis`) !== c.name) return
    const args = { url: c.url, tls: c.tls, name: c.name, save: true, production: c.production, ...(c.username ? { username: c.username } : {}) }
    call('connection.connect', args).catch((e: unknown) => setError(messageOf(e)))
  }
  const forget = (c: SavedConnection) => {
    call('connection.forget', { id: c.id })
      .then(() => connectionActions.refreshSaved())
      .catch((e: unknown) => setError(messageOf(e)))
  }

  if (saved.length === 0) return <p className="hint">No saved connections.</p>
  return (
    <ul className="saved-list" data-testid="saved-connections">
      {saved.map((c) => (
        <li key={c.id}>
          <span className="saved-name">{c.name}</span>
          <span className="saved-url">{c.url}{c.hasPassword ? ' · password stored' : ''}{c.hasTlsFiles ? ' · TLS files stored' : ''}{c.production ? ' · production' : ''}</span>
          <button type="button" onClick={() => connect(c)}>Connect</button>
          <button type="button" onClick={() => forget(c)}>Forget</button>
        </li>
      ))}
      {error && <li className="error" role="alert">{error}</li>}
    </ul>
  )
}
