import { useEffect, useState } from 'react'
import { refreshSaved, useConnectionStore, switchToEmbedded } from '../../stores/connection-store'
import { messageOf } from '../field-errors'
import { ConnectionForm } from './ConnectionForm'
import { SavedConnections } from './SavedConnections'
import { ClusterNodesTable } from './ClusterNodesTable'

/** Where the operator picks the Redis: a URL, a saved one, or the embedded default. */
export function ConnectionView() {
  const status = useConnectionStore((s) => s.status)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    refreshSaved().catch((e: unknown) => setError(messageOf(e)))
  }, [])

  const useEmbedded = () => {
    setError(null)
    switchToEmbedded().catch((e: unknown) => setError(messageOf(e)))
  }

  return (
    <section data-view="connection" className="view">
      <h2>Connection</h2>
      {status && (
        <dl className="facts" data-testid="connection-facts">
          <dt>State</dt>
          <dd>{status.state}</dd>
          <dt>Target</dt>
          <dd>{status.target}{status.embedded ? ' (embedded)' : ''}{status.cluster ? ' (Redis Cluster)' : ''}</dd>
          <dt>Redis</dt>
          <dd>{status.serverVersion ?? '–'}</dd>
          <dt>Latency</dt>
          <dd>{status.latencyMs === null ? '–' : `${status.latencyMs.toFixed(1)} ms`}</dd>
          {status.error && (
            <>
              <dt>Problem</dt>
              <dd className="error">{status.error}</dd>
            </>
          )}
        </dl>
      )}
      {status?.cluster && <ClusterNodesTable />}
      <div className="columns">
        <div>
          <h3>Connect to a Redis</h3>
          <ConnectionForm />
        </div>
        <div>
          <h3>Saved</h3>
          <SavedConnections />
          <h3>Embedded</h3>
          <p className="hint">A private redis-server started by Switchyard, with the demo pipeline running on it.</p>
          <button type="button" onClick={useEmbedded}>Use embedded Redis</button>
          {error && <p className="error" role="alert">{error}</p>}
        </div>
      </div>
    </section>
  )
}
