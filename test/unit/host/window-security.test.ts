import type { BrowserWindow, Session } from 'electron'
import { describe, expect, it } from 'vitest'
import { hardenSession, hardenWindow } from '../../../src/main/host/window-security'

const APP_URL = 'file:///app/index.html'

/** An event as Electron passes it to a will-* listener: the test reads whether it was prevented. */
const preventable = () => {
  const event = { prevented: false, preventDefault: () => void (event.prevented = true) }
  return event
}

/**
 * A stand-in for a BrowserWindow's webContents (no Electron runs in unit
 * tests): it keeps the listeners and the window-open handler the hardening
 * installs, so the test can play a navigation, a redirect, window.open and a webview.
 */
function windowStandIn() {
  const listeners = new Map<string, (event: ReturnType<typeof preventable>, url?: string) => void>()
  let openHandler: ((details: { url: string }) => { action: string }) | null = null
  const webContents = {
    on: (name: string, listener: (event: ReturnType<typeof preventable>, url?: string) => void) => void listeners.set(name, listener),
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => void (openHandler = handler),
  }
  const emit = (name: string, url?: string) => {
    const event = preventable()
    listeners.get(name)?.(event, url)
    return event.prevented
  }
  return { window: { webContents } as unknown as BrowserWindow, emit, open: (url: string) => openHandler?.({ url }).action }
}

/** A stand-in for a Session: keeps the header and permission handlers hardenSession installs. */
function sessionStandIn() {
  const handlers: {
    headers?: (details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
    check?: (contents: unknown, permission: string) => boolean
  } = {}
  const session = {
    webRequest: { onHeadersReceived: (h: typeof handlers.headers) => void (handlers.headers = h) },
    setPermissionRequestHandler: (h: typeof handlers.request) => void (handlers.request = h),
    setPermissionCheckHandler: (h: typeof handlers.check) => void (handlers.check = h),
  }
  return { session: session as unknown as Session, handlers }
}

describe('window security (BrowserWindow and Session played by stand-ins)', () => {
  it('keeps the window on the app page: navigation elsewhere, redirects, new windows and webviews are refused', () => {
    const { window, emit, open } = windowStandIn()
    hardenWindow(window, (url) => url === APP_URL)
    expect(emit('will-navigate', 'https://evil.example/')).toBe(true)
    expect(emit('will-navigate', APP_URL)).toBe(false)
    expect(emit('will-redirect', APP_URL)).toBe(true)
    expect(emit('will-attach-webview')).toBe(true)
    expect(open('https://evil.example/')).toBe('deny')
    expect(open(APP_URL)).toBe('deny')
  })

  it('sets a CSP header on every response and denies every permission', () => {
    const { session, handlers } = sessionStandIn()
    hardenSession(session)
    let headers: Record<string, string[]> = {}
    handlers.headers!({ responseHeaders: { 'X-Kept': ['yes'] } }, (response) => (headers = response.responseHeaders))
    expect(headers['X-Kept']).toEqual(['yes'])
    const csp = headers['Content-Security-Policy']?.[0] ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      let granted: boolean | null = null
      handlers.request!(null, permission, (answer) => (granted = answer))
      expect(granted, permission).toBe(false)
      expect(handlers.check!(null, permission), permission).toBe(false)
    }
  })
})
