import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { ControlApi, EventOf, Method, RequestInput, ResponseOf, Topic } from '../shared/api'
import type { Result } from '../shared/result'
import { CALL_CHANNEL, EVENT_CHANNEL, SUBSCRIBE_CHANNEL, type EventMessage } from '../shared/ipc-channels'

/**
 * Exposes exactly the ControlApi and nothing else: no raw ipcRenderer, no
 * channel names chosen by the page. One IPC listener fans events out here.
 */
type Listener = (payload: unknown) => void
const listeners = new Map<Topic, Set<Listener>>()

ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, message: EventMessage) => {
  const set = listeners.get(message.topic)
  if (!set) return
  for (const listener of set) listener(message.payload)
})

const api: ControlApi = {
  call<M extends Method>(method: M, args: RequestInput<M>): Promise<Result<ResponseOf<M>>> {
    return ipcRenderer.invoke(CALL_CHANNEL, method, args) as Promise<Result<ResponseOf<M>>>
  },
  subscribe<T extends Topic>(topic: T, listener: (payload: EventOf<T>) => void): () => void {
    let set = listeners.get(topic)
    if (!set) {
      set = new Set()
      listeners.set(topic, set)
      ipcRenderer.send(SUBSCRIBE_CHANNEL, topic, true)
    }
    const wrapped = listener as Listener
    set.add(wrapped)
    return () => {
      const current = listeners.get(topic)
      if (!current?.delete(wrapped) || current.size > 0) return
      listeners.delete(topic)
      ipcRenderer.send(SUBSCRIBE_CHANNEL, topic, false)
    }
  },
}

contextBridge.exposeInMainWorld('switchyard', api)
