import type { ControlApi, EventOf, Method, RequestInput, ResponseOf, Topic } from '@shared/api'
import { unwrap } from '@shared/result'

/**
 * The renderer's one door to the main process. Boot code picks a transport
 * (Electron preload or the headless WebSocket) and installs it here; views and
 * stores only ever use `call` and `subscribe`.
 */
let transport: ControlApi | null = null

export function installTransport(api: ControlApi): void {
  transport = api
}

function current(): ControlApi {
  if (!transport) throw new Error('Switchyard transport is not installed yet')
  return transport
}

/** Calls a request and unwraps its Result; throws ApiCallError with the code. */
export async function call<M extends Method>(method: M, args: RequestInput<M>): Promise<ResponseOf<M>> {
  return unwrap(await current().call(method, args))
}

export function subscribe<T extends Topic>(topic: T, listener: (payload: EventOf<T>) => void): () => void {
  return current().subscribe(topic, listener)
}
