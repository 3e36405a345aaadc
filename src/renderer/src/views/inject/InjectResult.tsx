import type { Envelope } from '@shared/envelope'
import { CopyButton } from '../../components/operator/CopyButton'
import { traceHref } from '../../components/operator/navigate'

/** Where the demo pipeline puts its answer; other roles fall back to the whole payload. */
export function resultText(envelope: Envelope): string {
  const { text, result } = envelope.payload as { text?: unknown; result?: unknown }
  if (typeof result === 'string') return result
  if (typeof text === 'string') return text
  return JSON.stringify(envelope.payload)
}

/** An agent's failure comes back in the result list too: say so instead of showing it as an answer. */
export function resultError(envelope: Envelope): string | null {
  const last = envelope.trace[envelope.trace.length - 1]
  if (last?.error) return last.error
  const { error, errors } = envelope.payload as { error?: unknown; errors?: unknown }
  if (typeof error === 'string') return error
  if (Array.isArray(errors) && errors.length > 0) {
    const first = errors[errors.length - 1] as { message?: unknown }
    return typeof first?.message === 'string' ? first.message : JSON.stringify(first)
  }
  return null
}

export function InjectResult({ messageId, envelope }: { messageId: string; envelope: Envelope | null }) {
  const failure = envelope ? resultError(envelope) : null
  const json = envelope ? JSON.stringify(envelope, null, 2) : ''
  return (
    <article className="result" data-message-id={messageId}>
      <header>
        <span className="mono">{messageId}</span>
        <CopyButton text={messageId} what="message id" />
        <a href={traceHref(messageId)} data-testid="result-trace-link">
          Open its trace
        </a>
        {!envelope ? <em data-testid="result-pending">no result within the wait</em> : null}
        {envelope && failure ? (
          <strong className="error" data-testid="result-error">
            failed: {failure}
          </strong>
        ) : null}
        {envelope && !failure ? (
          <strong className="result-text" data-testid="result-text">
            {resultText(envelope)}
          </strong>
        ) : null}
      </header>
      {envelope ? (
        <div>
          <CopyButton text={json} what="envelope JSON" />
          <pre className="json" data-testid="result-envelope">
            {json}
          </pre>
        </div>
      ) : null}
    </article>
  )
}
