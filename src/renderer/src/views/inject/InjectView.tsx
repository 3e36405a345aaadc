import { useEffect } from 'react'
import { ViewFrame } from '../../components/operator/ViewFrame'
import { openStream } from '../../stores/streams-store'
import { loadTemplates, pickTemplate, setMode, useInjectStore } from '../../stores/inject-store'
import { startTopologyFeed } from '../../stores/topology-store'
import { EnvelopeForm } from './EnvelopeForm'
import { InjectResult } from './InjectResult'
import { RawForm } from './RawForm'
import { openView } from '../../components/operator/navigate'

const OFFLINE = 'You can still compose; nothing can be sent until Redis is back, and what you wrote is kept.'

/** Compose a test envelope to a role or agent (and wait for its result), or raw fields to any stream. */
export function InjectView() {
  useEffect(() => startTopologyFeed(), [])
  useEffect(() => void loadTemplates(), [])
  const mode = useInjectStore((s) => s.mode)
  const templates = useInjectStore((s) => s.templates)
  const templateId = useInjectStore((s) => s.draft.templateId)
  const answer = useInjectStore((s) => s.answer)
  const rawAnswer = useInjectStore((s) => s.rawAnswer)
  const sendError = useInjectStore((s) => s.sendError)
  return (
    <ViewFrame id="inject" title="Inject" offline={OFFLINE}>
      <div className="row">
        <label>
          Template{' '}
          <select name="template" value={mode === 'envelope' ? templateId : ''} onChange={(e) => pickTemplate(e.target.value)}>
            <option value="">(compose by hand)</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id} title={t.description}>
                {t.name}
                {t.raw ? ' (raw fields)' : ''}
              </option>
            ))}
          </select>
        </label>
        <span role="radiogroup" aria-label="What to send" className="op-inline-form">
          <label>
            <input type="radio" name="mode" checked={mode === 'envelope'} onChange={() => setMode('envelope')} /> Envelope to a role or agent
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'raw'} onChange={() => setMode('raw')} /> Raw fields to a stream
          </label>
        </span>
      </div>
      {mode === 'envelope' ? <EnvelopeForm /> : <RawForm />}
      {sendError ? (
        <p className="error" role="alert" data-testid="send-error">
          {sendError}
        </p>
      ) : null}
      {answer ? (
        <div className="results" data-testid="inject-results">
          {answer.messageIds.map((id, i) => (
            <InjectResult key={id} messageId={id} envelope={answer.results[i] ?? null} />
          ))}
        </div>
      ) : null}
      {rawAnswer ? (
        <p className="results" data-testid="raw-result">
          Added {rawAnswer.ids.length} to <code>{rawAnswer.stream}</code>: <code>{rawAnswer.ids.slice(0, 5).join(', ')}</code>{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              void openStream(rawAnswer.stream)
              openView('streams')
            }}
          >
            Open in Streams
          </button>
        </p>
      ) : null}
    </ViewFrame>
  )
}
