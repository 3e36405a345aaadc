import '../components/operator/operator.css'
import { PendingView } from './pending/PendingView'
import { PipelineView } from './pipeline/PipelineView'
import { StatsView } from './stats/StatsView'
import { StreamsView } from './streams/StreamsView'
import { TracesView } from './traces/TracesView'
import type { ViewDefinition } from './view-definition'
import { ViolationsView } from './violations/ViolationsView'

/** The operator views, in the order the shell lists them after its own. */
export const operatorViews: ViewDefinition[] = [
  { id: 'pipeline', label: 'Pipeline', component: PipelineView },
  { id: 'streams', label: 'Streams', component: StreamsView },
  { id: 'pending', label: 'Pending', component: PendingView },
  { id: 'traces', label: 'Traces', component: TracesView },
  { id: 'violations', label: 'Violations', component: ViolationsView },
  { id: 'stats', label: 'Statistics', component: StatsView },
]
