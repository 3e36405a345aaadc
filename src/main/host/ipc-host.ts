import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron'
import { isTopic, type Topic } from '@shared/api'
import { CALL_CHANNEL, EVENT_CHANNEL, SUBSCRIBE_CHANNEL, type EventMessage } from '@shared/ipc-channels'
import { fail } from '@shared/result'
import type { Dispatch } from '../api/dispatch'
import type { EventBus } from '../app/event-bus'
import { ClientResources, WatchCounts } from './client-resources'

export interface IpcHostOptions {
  ipcMain: IpcMain
  dispatch: Dispatch
  bus: EventBus
  /** True for the app's own page URL (file:// build or the dev server). */
  isAppUrl: (url: string) => boolean
}

/**
 * Serves the ControlApi to the app's windows over IPC. Only the top frame of a
 * page we loaded may call: an iframe or a navigated-away page gets a refusal.
 */
export function startIpcHost(options: IpcHostOptions): () => void {
  const { ipcMain, dispatch, bus, isAppUrl } = options
  const subscriptionsBy = new Map<WebContents, Map<Topic, () => void>>()
  const watchCounts = new WatchCounts()
  // Each window owns the tails and watches it opened; they end when it is destroyed.
  const resourcesBy = new Map<WebContents, ClientResources>()
  const resourcesOf = (contents: WebContents): ClientResources => {
    let resources = resourcesBy.get(contents)
    if (!resources) {
      const created = new ClientResources(dispatch, watchCounts)
      resources = created
      resourcesBy.set(contents, created)
      contents.once('destroyed', () => {
        resourcesBy.delete(contents)
        void created.release()
      })
    }
    return resources
  }

  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame
    return frame !== null && frame.parent === null && isAppUrl(frame.url)
  }

  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, args: unknown) => {
    if (!trusted(event)) return fail('unauthorized', 'this frame may not use the Switchyard API')
    return resourcesOf(event.sender).call(method, args)
  })

  ipcMain.on(SUBSCRIBE_CHANNEL, (event, topic: unknown, on: unknown) => {
    if (!trusted(event) || typeof topic !== 'string' || !isTopic(topic) || typeof on !== 'boolean') return
    const contents = event.sender
    let subscriptions = subscriptionsBy.get(contents)
    if (!subscriptions) {
      const created = new Map<Topic, () => void>()
      subscriptions = created
      subscriptionsBy.set(contents, created)
      contents.once('destroyed', () => {
        for (const unsubscribe of created.values()) unsubscribe()
        subscriptionsBy.delete(contents)
      })
    }
    subscriptions.get(topic)?.()
    subscriptions.delete(topic)
    if (!on) return
    const resources = resourcesOf(contents)
    subscriptions.set(
      topic,
      bus.listen(topic, (t, payload) => {
        if (contents.isDestroyed() || !resources.wants(t, payload)) return
        contents.send(EVENT_CHANNEL, { topic: t, payload } satisfies EventMessage)
      }),
    )
  })

  return () => {
    ipcMain.removeHandler(CALL_CHANNEL)
    ipcMain.removeAllListeners(SUBSCRIBE_CHANNEL)
    for (const subscriptions of subscriptionsBy.values()) for (const off of subscriptions.values()) off()
    subscriptionsBy.clear()
    for (const resources of resourcesBy.values()) void resources.release()
    resourcesBy.clear()
  }
}
