import { useState, type FormEvent } from 'react'
import { connectionSelectors, useConnectionStore } from '../../stores/connection-store'
import { streamsSelectors } from '../../stores/streams-selectors'
import { jumpTo, openStream, pauseTail, resumeTail, useStreamsStore } from '../../stores/streams-store'
import { parseJump } from './parse-jump'
import { TrimDialog } from './TrimDialog'

/** Live/paused state, pause/resume, jump to an id or time, back to newest. */
export function StreamsToolbar() {
  const stream = useStreamsStore((s) => s.stream)
  const tailState = useStreamsStore((s) => s.tailState)
  const atNewest = useStreamsStore((s) => s.atNewest)
  const connected = useConnectionStore((s) => connectionSelectors.badgeText(s.status) === 'connected')
  const label = useStreamsStore((s) => streamsSelectors.tailLabelWhen(s, connected))
  const newCount = useStreamsStore((s) => s.newWhilePaused)
  const length = useStreamsStore((s) => s.length)
  const shown = useStreamsStore((s) => s.rows.length)
  const dropped = useStreamsStore((s) => s.dropped)
  const [jumpText, setJumpText] = useState('')
  const [jumpError, setJumpError] = useState<string | null>(null)
  const [trimming, setTrimming] = useState(false)
  if (!stream) return null

  const onJump = (event: FormEvent) => {
    event.preventDefault()
    const target = parseJump(jumpText)
    if (!target.ok) return setJumpError(target.message)
    setJumpError(null)
    void jumpTo(target.at)
  }

  return (
    <div className="op-streams-toolbar">
      <strong data-testid="current-stream">{stream}</strong>
      <span className={`op-tail op-tail-${tailState}`} data-testid="tail-state" aria-live="polite">
        {label}
      </span>
      {tailState === 'paused' ? (
        <button type="button" className="op-new-count" data-testid="new-count" data-count={newCount} onClick={() => void resumeTail()} title="Show them (resume)">
          {newCount} new
        </button>
      ) : null}
      <span className="op-note">
        {shown} of {length} shown{dropped > 0 ? ` · ${dropped} skipped by the tail's bound` : ''}
      </span>
      {tailState === 'live' || tailState === 'starting' ? (
        <button type="button" onClick={() => void pauseTail('user')}>
          Pause
        </button>
      ) : (
        <button type="button" onClick={() => void resumeTail()}>
          {atNewest ? 'Resume' : 'Back to newest'}
        </button>
      )}
      <button type="button" onClick={() => void openStream(stream)}>
        Reload
      </button>
      <button type="button" onClick={() => setTrimming(true)}>
        Trim…
      </button>
      {trimming ? <TrimDialog stream={stream} onClose={() => setTrimming(false)} /> : null}
      <form onSubmit={onJump} className="op-inline-form">
        <label>
          Jump to
          <input
            value={jumpText}
            onChange={(e) => setJumpText(e.target.value)}
            placeholder="id, 14:05:09.120, 5 minutes ago"
            aria-invalid={jumpError ? true : undefined}
          />
        </label>
        <button type="submit">Go</button>
        {jumpError ? (
          <span className="op-error" role="alert">
            {jumpError}
          </span>
        ) : null}
      </form>
    </div>
  )
}
