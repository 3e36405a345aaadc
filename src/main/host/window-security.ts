import type { BrowserWindow, Session } from 'electron'
import { contentSecurityPolicy } from './content-security'

/** Locks a window to the app's own page; each rule says why. */
export function hardenWindow(window: BrowserWindow, isAppUrl: (url: string) => boolean): void {
  const contents = window.webContents
  // The app is one page; any navigation is either a bug or an attack (e.g. a link in a payload).
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => event.preventDefault()) // same reason as will-navigate
  // Links rendered from Redis data must never open new windows with our preload.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  // No <webview> tags: they could load arbitrary content with their own preferences.
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Session-wide: CSP on every response and default-deny permissions. */
export function hardenSession(session: Session): void {
  // A header CSP also covers the dev server, where the meta tag could be stripped.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy("'self' ws://127.0.0.1:*")],
      },
    })
  })
  // The app needs no camera, microphone, notifications, geolocation or anything else.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  // Same answer for synchronous permission checks.
  session.setPermissionCheckHandler(() => false)
}
