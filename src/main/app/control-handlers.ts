import type { ControlHandlers } from '../api/handler-types'
import { createDispatcher, type Dispatch } from '../api/dispatch'
import { createInspectorHandlers } from '../inspector'
import { createRuntimeHandlers } from '../runtime'
import type { AppSession } from './app-session'
import { createConnectionHandlers } from './connection-handlers'

/** The whole ControlApi: connection, agents and inspector groups over one session. */
export function createControlHandlers(session: AppSession): ControlHandlers {
  return {
    ...createConnectionHandlers(session),
    ...createRuntimeHandlers(() => session.runtime(), session.agentsModule),
    ...createInspectorHandlers(() => session.inspector()),
  }
}

/** What both hosts call: every request validated, every answer a Result. */
export function createSessionDispatcher(session: AppSession): Dispatch {
  return createDispatcher(createControlHandlers(session))
}
