import { connectionSelectors, useConnectionStore } from '../stores/connection-store'

/** Always visible: the state word ("connected, read-only" when the Redis user may only read), the target, and the latency when connected. */
export function ConnectionBadge({ onOpen }: { onOpen: () => void }) {
  const status = useConnectionStore((s) => s.status)
  const text = connectionSelectors.badgeText(status)
  const title = status?.error ?? (status ? `${status.target}${status.serverVersion ? ` · Redis ${status.serverVersion}` : ''}` : '')
  return (
    <button type="button" className={`badge badge-${text}`} data-connection-state={text} title={title} onClick={onOpen}>
      <span className="badge-dot" aria-hidden="true" />
      <span data-testid="connection-state">{text === 'connected' && status?.readOnly ? 'connected, read-only' : text}</span>
      {status && <span className="badge-target">{status.embedded ? 'embedded' : status.target}</span>}
      {text === 'connected' && status?.latencyMs !== null && status?.latencyMs !== undefined && (
        <span className="badge-latency">{status.latencyMs.toFixed(1)} ms</span>
      )}
    </button>
  )
}
