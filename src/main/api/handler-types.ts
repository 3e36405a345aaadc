import type { Method, RequestArgs, ResponseOf } from '@shared/api'

/**
 * A handler gets arguments already parsed by their schema and answers the
 * value, or throws a HandlerError (shared/result) to answer with a code.
 */
export type Handler<M extends Method> = (args: RequestArgs<M>) => Promise<ResponseOf<M>>
export type ControlHandlers = { [M in Method]: Handler<M> }
/** The part of the API one domain (runtime, inspector, connection) serves. */
export type HandlerGroup<M extends Method> = { [K in M]: Handler<K> }
