import { agentsSelectors } from '../../stores/agents-selectors'
import { useAgentsStore } from '../../stores/agents-store'

/** The last broadcast and the agents that answered it (their heartbeat shows the new state). */
export function CommandAnswers() {
  const sent = useAgentsStore((s) => s.lastCommand)
  const agents = useAgentsStore((s) => s.agents)
  if (!sent) return null
  const answers = agentsSelectors.answers(agents, sent)
  return (
    <p className="op-note" data-testid="command-answers" role="status">
      <strong>{sent.command}</strong> → {sent.role ? `role ${sent.role}` : 'every agent'}: {sent.receivers} process(es) listening;{' '}
      {answers.length === 0
        ? 'waiting for the agents to answer…'
        : `answered by ${answers.map((a) => `${a.agentId} (${a.status})`).join(', ')}`}
    </p>
  )
}
