import type { ContextBridge, IpcRenderer } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { CALL_CHANNEL, EVENT_CHANNEL, SUBSCRIBE_CHANNEL } from '@shared/ipc-channels'
import type { ControlApi } from '@shared/api'

/**
 * Stand-ins for Electron's contextBridge and ipcRenderer (no Electron runs in
 * unit tests), typed by Electron's own signatures: they record what the
 * preload exposes and sends, and let the test push events to it.
 */
const standIn = vi.hoisted(() => {
  const exposed = new Map<string, unknown>()
  const invoked: unknown[][] = []
  const sent: unknown[][] = []
  const onChannel = new Map<string, (event: unknown, ...args: unknown[]) => void>()
  return { exposed, invoked, sent, onChannel }
})

vi.mock('electron', () => {
  const contextBridge: Pick<ContextBridge, 'exposeInMainWorld'> = {
    exposeInMainWorld: (key, api) => void standIn.exposed.set(key, api),
  }
  const ipcRenderer: Pick<IpcRenderer, 'invoke' | 'send' | 'on'> = {
    invoke: async (channel, ...args) => (standIn.invoked.push([channel, ...args]), { ok: true, value: 'from main' }),
    send: (channel, ...args) => void standIn.sent.push([channel, ...args]),
    on(channel, listener) {
      standIn.onChannel.set(channel, listener as (event: unknown, ...args: unknown[]) => void)
      return this as IpcRenderer
    },
  }
  return { contextBridge, ipcRenderer }
})

describe('the preload exposes the ControlApi and nothing else', () => {
  it('puts exactly call and subscribe on window.switchyard', async () => {
    await import('../../../src/preload/index')
    expect([...standIn.exposed.keys()]).toEqual(['switchyard'])
    const api = standIn.exposed.get('switchyard') as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual(['call', 'subscribe'])
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true)
  })

  it('sends a call on the call channel and answers with main\'s result', async () => {
    await import('../../../src/preload/index')
    const api = standIn.exposed.get('switchyard') as ControlApi
    expect(await api.call('agents.list', {})).toEqual({ ok: true, value: 'from main' })
    expect(standIn.invoked.at(-1)).toEqual([CALL_CHANNEL, 'agents.list', {}])
  })

  it('subscribes a topic once however many listen, fans events out, and unsubscribes after the last', async () => {
    await import('../../../src/preload/index')
    const api = standIn.exposed.get('switchyard') as ControlApi
    const got: unknown[] = []
    const offA = api.subscribe('stats', (p) => got.push(['a', p]))
    const offB = api.subscribe('stats', (p) => got.push(['b', p]))
    expect(standIn.sent).toEqual([[SUBSCRIBE_CHANNEL, 'stats', true]])
    const push = standIn.onChannel.get(EVENT_CHANNEL)!
    push({}, { topic: 'stats', payload: 1 })
    push({}, { topic: 'topology', payload: 2 })
    expect(got).toEqual([['a', 1], ['b', 1]])
    offA()
    offB()
    expect(standIn.sent).toEqual([[SUBSCRIBE_CHANNEL, 'stats', true], [SUBSCRIBE_CHANNEL, 'stats', false]])
    expect([...standIn.onChannel.keys()]).toEqual([EVENT_CHANNEL]) // one IPC listener, whatever the page does
  })
})
