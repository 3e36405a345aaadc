import type { ControlApi } from '@shared/api'
import { createWsTransport } from './ws-transport'

/**
 * Electron: the preload's object. Browser (headless host): a WebSocket to the
 * page's own origin, with the token the page was opened with.
 */
export function pickTransport(): ControlApi {
  if ('switchyard' in window) return window.switchyard
  // (TypeScript narrows `window` to never here, since the type declares the bridge.)
  const { location } = globalThis
  const token = new URLSearchParams(location.search).get('token')
  if (!token) throw new Error('This page needs the URL with ?token=… that Switchyard printed.')
  const wsUrl = `ws://${location.host}/ws`
  return createWsTransport(wsUrl, token)
}
