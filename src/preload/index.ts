import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { ControlApi, Method, RequestInput, ResponseOf } from '@shared/api'
import type { Result } from '@shared/result'
import { CALL_CHANNEL, EVENT_CHANNEL, SUBSCRIBE_CHANNEL, type EventMessage } from '@shared/ipc-channels'
import { createTopicFanout } from '@shared/topic-fanout'

/**
 * Exposes exactly the ControlApi and nothing else: no raw ipcRenderer, no
 * channel names chosen by the page. One IPC listener fans events out here.
 */
const fanout = createTopicFanout((topic, on) => ipcRenderer.send(SUBSCRIBE_CHANNEL, topic, on))

ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, message: EventMessage) => fanout.deliver(message.topic, message.payload))

const api: ControlApi = {
  call<M extends Method>(method: M, args: RequestInput<M>): Promise<Result<ResponseOf<M>>> {
    return ipcRenderer.invoke(CALL_CHANNEL, method, args) as Promise<Result<ResponseOf<M>>>
  },
  subscribe: fanout.subscribe,
}

contextBridge.exposeInMainWorld('switchyard', api)
