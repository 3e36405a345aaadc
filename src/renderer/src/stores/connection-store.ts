import { create } from 'zustand'
import type { ConnectionStatus, SavedConnection } from '../../../shared/api'
import { call, subscribe } from '../api/client'

interface ConnectionState {
  status: ConnectionStatus | null
  saved: SavedConnection[]
}

export const useConnectionStore = create<ConnectionState>(() => ({ status: null, saved: [] }))

/** Pushes from main go through these plain actions, not through components. */
export const connectionActions = {
  setStatus(status: ConnectionStatus): void {
    useConnectionStore.setState({ status })
  },
  async refreshSaved(): Promise<void> {
    useConnectionStore.setState({ saved: await call('connection.saved', {}) })
  },
  /** Loads the status once and follows every 'connection' push afterwards. */
  async start(): Promise<() => void> {
    const unsubscribe = subscribe('connection', (status) => connectionActions.setStatus(status))
    connectionActions.setStatus(await call('connection.status', {}))
    return unsubscribe
  },
}

/** What the badge shows: the four states collapse to the three words an operator reads. */
export const connectionSelectors = {
  badgeText(status: ConnectionStatus | null): 'connected' | 'disconnected' | 'connecting' {
    if (!status || status.state === 'connecting') return 'connecting'
    return status.state === 'connected' ? 'connected' : 'disconnected'
  },
}
