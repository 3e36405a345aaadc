import { AgentsView } from '../views/agents/AgentsView'
import { ConnectionView } from '../views/connection/ConnectionView'
import { InjectView } from '../views/inject/InjectView'
import { operatorViews } from '../views/operator-views'
import type { ViewDefinition } from '../views/view-definition'

/** Navigation order: the operator views first (pipeline leads), then the frame's own. */
export const allViews: ViewDefinition[] = [
  ...operatorViews,
  { id: 'agents', label: 'Agents', component: AgentsView },
  { id: 'inject', label: 'Inject', component: InjectView },
  { id: 'connection', label: 'Connection', component: ConnectionView },
]

export function findView(id: string): ViewDefinition | undefined {
  return allViews.find((view) => view.id === id)
}
