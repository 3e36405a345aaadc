import { useEffect } from 'react'
import { ErrorNote } from '../../components/operator/ErrorNote'
import { ViewFrame } from '../../components/operator/ViewFrame'
import { followAgents, setStaleAfter, useAgentsStore } from '../../stores/agents-store'
import { startTopologyFeed } from '../../stores/topology-store'
import { AgentsTable } from './AgentsTable'
import { CommandAnswers } from './CommandAnswers'
import { RolesTable } from './RolesTable'
import { StopGuard } from './stop-guard'

/** Every agent seen through heartbeats (all hosts): broadcast control by role, start/stop/scale of this app's own. */
export function AgentsView() {
  const error = useAgentsStore((s) => s.error)
  const notice = useAgentsStore((s) => s.notice)
  const staleAfterSec = useAgentsStore((s) => s.staleAfterSec)
  useEffect(() => followAgents(), [])
  // The topology names the groups each agent reads through (for the last-consumer warning).
  useEffect(() => startTopologyFeed(), [])
  const toolbar = (
    <label className="op-inline-form">
      Fold stopped or dead after (s)
      <input type="number" min={1} value={staleAfterSec} onChange={(e) => setStaleAfter(Number(e.target.value))} style={{ width: 80 }} />
    </label>
  )
  return (
    <ViewFrame id="agents" title="Agents" toolbar={toolbar}>
      <StopGuard>
        <ErrorNote message={error} />
        {notice ? <p className="op-notice" role="status" data-testid="agents-notice">{notice}</p> : null}
        <CommandAnswers />
        <h3>Agents on every host</h3>
        <AgentsTable />
        <h3>Roles</h3>
        <RolesTable />
      </StopGuard>
    </ViewFrame>
  )
}
