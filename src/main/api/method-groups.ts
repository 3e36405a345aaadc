import type { Method } from '@shared/api'

/** Which part of the main process serves which requests. */
export type ConnectionMethod = Extract<Method, `connection.${string}`>
export type AgentMethod = Extract<Method, `agents.${string}`>
export type InspectorMethod = Exclude<Method, ConnectionMethod | AgentMethod>
