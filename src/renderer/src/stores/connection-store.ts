import { create } from 'zustand'
import type { ConnectionParams, ConnectionStatus, SavedConnection } from '@shared/api'
import { call, subscribe } from '../api/client'
import { showToast } from '../components/operator/toasts'

interface ConnectionState {
  status: ConnectionStatus | null
  saved: SavedConnection[]
}

export const useConnectionStore = create<ConnectionState>(() => ({ status: null, saved: [] }))

// Pushes from main and the views' requests go through these plain module-level actions.

export function setStatus(status: ConnectionStatus): void {
  useConnectionStore.setState({ status })
}

export async function refreshSaved(): Promise<void> {
  useConnectionStore.setState({ saved: await call('connection.saved', {}) })
}

/** Loads the status once and follows every 'connection' push afterwards. */
export async function startConnection(): Promise<() => void> {
  const unsubscribe = subscribe('connection', setStatus)
  setStatus(await call('connection.status', {}))
  return unsubscribe
}

/** Opens a saved connection (main uses the stored password; it never comes here). */
export async function connectSaved(c: SavedConnection): Promise<void> {
  const args = { url: c.url, tls: c.tls, name: c.name, save: true, production: c.production, ...(c.username ? { username: c.username } : {}) }
  setStatus(await call('connection.connect', args))
  showToast(`Connecting to ${c.name}`, 'info')
}

export async function forgetSaved(c: SavedConnection): Promise<void> {
  await call('connection.forget', { id: c.id })
  await refreshSaved()
  showToast(`Forgot ${c.name}`)
}

export async function switchToEmbedded(): Promise<void> {
  setStatus(await call('connection.useEmbedded', {}))
  showToast('Switched to the embedded Redis', 'info')
}

/** The Connection form's Test: answers what the operator reads. */
export async function testConnection(params: ConnectionParams): Promise<string> {
  const r = await call('connection.test', params)
  return `Reachable: Redis ${r.serverVersion}, ${r.latencyMs.toFixed(1)} ms`
}

/** The Connection form's Connect (and save): the status push follows; the saved list is reloaded. */
export async function connectWith(params: ConnectionParams, options: { name?: string; save: boolean }): Promise<string> {
  const status = await call('connection.connect', { ...params, name: options.name, save: options.save })
  await refreshSaved()
  return `Now using ${status.target}`
}

/** What the badge shows: the four states collapse to the three words an operator reads. */
export const connectionSelectors = {
  badgeText(status: ConnectionStatus | null): 'connected' | 'disconnected' | 'connecting' {
    if (!status || status.state === 'connecting') return 'connecting'
    return status.state === 'connected' ? 'connected' : 'disconnected'
  },
}
