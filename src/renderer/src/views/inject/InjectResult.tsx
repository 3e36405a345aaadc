import type { Envelope } from '../../../../shared/envelope'

/** Where the demo pipeline puts its answer; other roles fall back to the whole payload. */
export function resultText(envelope: Envelope): string {
  const { text, result } = envelope.payload as { text?: unknown; result?: unknown }
  if (typeof result === 'string') return result
  if (typeof text === 'string') return text
  return JSON.stringify(envelope.payload)
}

export function InjectResult({ messageId, envelope }: { messageId: string; envelope: Envelope | null }) {
  return (
    <article className="result" data-message-id={messageId}>
      <header>
        <span className="mono">{messageId}</span>
        {envelope ? (
          <strong className="result-text" data-testid="result-text">{resultText(envelope)}</strong>
        ) : (
          <em data-testid="result-pending">no result within the wait</em>
        )}
      </header>
      {envelope && <pre className="json" data-testid="result-envelope">{JSON.stringify(envelope, null, 2)}</pre>}
    </article>
  )
}
