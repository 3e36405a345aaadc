import { useState } from 'react'
import type { SavedConnection } from '@shared/api'
import { ConfirmDialog } from '../../components/operator/ConfirmDialog'

/**
 * Before opening a production connection the operator types its name
 * (RedisInsight's guard against slips); Connect stays disabled until it matches.
 */
export function ProductionConnectDialog({ connection, onConfirm, onCancel }: { connection: SavedConnection; onConfirm: () => void; onCancel: () => void }) {
  const [typed, setTyped] = useState('')
  const matches = typed.trim() === connection.name
  return (
    <ConfirmDialog title={`Connect to production: ${connection.name}`} confirmLabel="Connect" danger busy={!matches} onConfirm={() => matches && onConfirm()} onCancel={onCancel}>
      <p>
        <strong>{connection.name}</strong> ({connection.url}) is marked production. Every write you make there reaches real traffic.
      </p>
      <label>
        Type the connection's name to continue
        <input
          name="confirmName"
          aria-label="Connection name"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && matches) onConfirm()
          }}
          autoComplete="off"
        />
      </label>
      {typed && !matches ? <span className="field-error">The name does not match "{connection.name}".</span> : null}
    </ConfirmDialog>
  )
}
