import { useEffect } from 'react'
import {
  editAgentsModule,
  loadAgentsModule,
  reloadAgentsModule,
  saveAgentsModule,
  useAgentsModuleStore,
} from '../../stores/agents-module-store'

/** Where the app's own agent classes come from (a .mjs/.js/.ts file on this machine), and Reload. */
export function AgentsModuleField() {
  const { status, draft, busy, notice, error } = useAgentsModuleStore()
  useEffect(() => void loadAgentsModule(), [])
  const from = status?.source === 'env' ? ' (from SWITCHYARD_AGENTS_MODULE)' : ''
  return (
    <form
      className="op-inline-form"
      data-testid="agents-module"
      onSubmit={(e) => {
        e.preventDefault()
        void saveAgentsModule()
      }}
    >
      <label>
        Agents module{from}
        <input
          type="text"
          name="agents-module"
          placeholder="/path/to/agents.ts"
          value={draft}
          onChange={(e) => editAgentsModule(e.target.value)}
          style={{ width: 360 }}
        />
      </label>
      <button type="submit" disabled={busy}>Use</button>
      <button type="button" disabled={busy || !status?.path} onClick={() => void reloadAgentsModule()}>Reload</button>
      {status?.roles.length ? <span data-testid="agents-module-roles">Roles: {status.roles.join(', ')}</span> : null}
      {notice ? <span role="status" data-testid="agents-module-notice">{notice}</span> : null}
      {error ? <span className="error" role="alert" data-testid="agents-module-error">{error}</span> : null}
    </form>
  )
}
