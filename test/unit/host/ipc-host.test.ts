import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron'
import { describe, expect, it } from 'vitest'
import { startIpcHost } from '../../../src/main/host/ipc-host'
import { EventBus } from '../../../src/main/app/event-bus'
import type { Dispatch } from '../../../src/main/api/dispatch'
import { CALL_CHANNEL, EVENT_CHANNEL, SUBSCRIBE_CHANNEL } from '@shared/ipc-channels'
import { ok } from '@shared/result'

/**
 * A stand-in for Electron's ipcMain (no Electron runs in unit tests): it keeps
 * the handlers and listeners the host registers, typed by Electron's own
 * signatures, and lets the test play a window's calls and subscriptions.
 */
class IpcMainStandIn {
  readonly handlers = new Map<string, Parameters<IpcMain['handle']>[1]>()
  readonly listeners = new Map<string, Parameters<IpcMain['on']>[1]>()
  handle: IpcMain['handle'] = (channel, handler) => void this.handlers.set(channel, handler)
  on = ((channel: string, listener: Parameters<IpcMain['on']>[1]) => (this.listeners.set(channel, listener), this)) as unknown as IpcMain['on']
  removeHandler: IpcMain['removeHandler'] = (channel) => void this.handlers.delete(channel)
  removeAllListeners = ((channel?: string) => (channel ? this.listeners.delete(channel) : this.listeners.clear(), this)) as unknown as IpcMain['removeAllListeners']
}

/** A stand-in for one window's WebContents: records what main sends it, and can be destroyed. */
function webContentsStandIn() {
  const sent: Array<[string, unknown]> = []
  const onDestroyed: Array<() => void> = []
  let destroyed = false
  const contents = {
    send: (channel: string, message: unknown) => void sent.push([channel, message]),
    isDestroyed: () => destroyed,
    once: (event: string, listener: () => void) => {
      if (event === 'destroyed') onDestroyed.push(listener)
      return contents
    },
  }
  return {
    contents: contents as unknown as WebContents,
    sent,
    destroy: () => ((destroyed = true), onDestroyed.splice(0).forEach((listener) => listener())),
    /** Only the 'destroyed' event, isDestroyed() still false: checks the cleanup apart from the send guard. */
    emitDestroyed: () => onDestroyed.splice(0).forEach((listener) => listener()),
  }
}

const APP_URL = 'file:///app/index.html'

function setUp() {
  const ipcMain = new IpcMainStandIn()
  const bus = new EventBus()
  const calls: Array<[unknown, unknown]> = []
  const dispatch: Dispatch = async (method, args) => (calls.push([method, args]), ok('answered'))
  const stop = startIpcHost({ ipcMain: ipcMain as unknown as IpcMain, dispatch, bus, isAppUrl: (url) => url === APP_URL })
  const window = webContentsStandIn()
  const event = (url: string, parent: unknown = null) => ({ sender: window.contents, senderFrame: { url, parent } })
  const invoke = (url: string, method: unknown, args: unknown, parent: unknown = null) =>
    ipcMain.handlers.get(CALL_CHANNEL)!(event(url, parent) as unknown as IpcMainInvokeEvent, method, args)
  const subscribe = (url: string, topic: unknown, on: unknown) =>
    ipcMain.listeners.get(SUBSCRIBE_CHANNEL)!(event(url) as unknown as IpcMainEvent, topic, on)
  return { ipcMain, bus, calls, stop, window, invoke, subscribe }
}

describe('the IPC host (Electron ipcMain played by a typed stand-in)', () => {
  it('passes calls from the app page to dispatch, and refuses an iframe or a foreign page', async () => {
    const { calls, invoke } = setUp()
    expect(await invoke(APP_URL, 'agents.list', {})).toEqual({ ok: true, value: 'answered' })
    expect(calls).toEqual([['agents.list', {}]])
    expect(await invoke('https://evil.example/', 'agents.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(await invoke(APP_URL, 'agents.list', {}, { url: APP_URL })).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(calls).toHaveLength(1)
  })

  it('pushes a subscribed topic to the window until it unsubscribes, ignoring unknown topics and foreign pages', () => {
    const { bus, window, subscribe } = setUp()
    subscribe(APP_URL, 'stats', true)
    subscribe(APP_URL, 'no-such-topic', true)
    subscribe('https://evil.example/', 'topology', true)
    bus.publish('stats', { n: 1 } as never)
    bus.publish('topology', { n: 2 } as never)
    expect(window.sent).toEqual([[EVENT_CHANNEL, { topic: 'stats', payload: { n: 1 } }]])
    subscribe(APP_URL, 'stats', true) // again: still one delivery per event
    bus.publish('stats', { n: 3 } as never)
    expect(window.sent).toHaveLength(2)
    subscribe(APP_URL, 'stats', false)
    bus.publish('stats', { n: 4 } as never)
    expect(window.sent).toHaveLength(2)
  })

  it('drops a window\'s subscriptions when it is destroyed, and everything when stopped', () => {
    const { ipcMain, bus, window, subscribe, stop } = setUp()
    subscribe(APP_URL, 'stats', true)
    window.emitDestroyed()
    bus.publish('stats', { n: 1 } as never)
    expect(window.sent).toEqual([])
    window.destroy()
    stop()
    expect(ipcMain.handlers.size).toBe(0)
    expect(ipcMain.listeners.size).toBe(0)
  })
})
