import { useEffect, useMemo, useState } from 'react'
import { ConfirmDialog } from '../../components/operator/ConfirmDialog'
import { formatDateTime, toMs } from '../../components/operator/format'
import { pendingSelectors } from '../../stores/pending-selectors'
import { replayDeadLetters } from '../../stores/pending-actions'
import { loadDeadLetters, usePendingStore } from '../../stores/pending-store'

/** Dead letters of every stream with their reasons; replay puts them back on their source stream. */
export function DeadLettersPanel() {
  useEffect(() => void loadDeadLetters(), [])
  const deadLetters = usePendingStore((s) => s.deadLetters)
  const byStream = useMemo(() => pendingSelectors.deadLettersByStream({ deadLetters }), [deadLetters])
  const [replaying, setReplaying] = useState<{ stream: string; ids: string[] } | null>(null)
  const confirm = async () => {
    if (!replaying) return
    await replayDeadLetters(replaying.stream, replaying.ids)
    setReplaying(null)
  }
  return (
    <section className="op-panel" aria-label="Dead letters">
      <h3>
        Dead letters{' '}
        <button type="button" onClick={() => void loadDeadLetters()}>
          Reload
        </button>
      </h3>
      {byStream.size === 0 ? <p className="op-note">None.</p> : null}
      {[...byStream].map(([stream, letters]) => (
        <div key={stream}>
          <h4>
            {stream}{' '}
            <button type="button" onClick={() => setReplaying({ stream, ids: letters.map((l) => l.id) })}>
              Replay all {letters.length}
            </button>
          </h4>
          <ul>
            {letters.map((letter) => (
              <li key={letter.id} data-dead-letter={letter.id}>
                <code>{letter.sourceId ?? letter.id}</code> · {letter.reason} · {formatDateTime(toMs(letter.ts))}{' '}
                <button type="button" onClick={() => setReplaying({ stream, ids: [letter.id] })}>
                  Replay
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {replaying ? (
        <ConfirmDialog title={`Replay ${replaying.ids.length} dead letters`} confirmLabel="Replay" onConfirm={() => void confirm()} onCancel={() => setReplaying(null)}>
          <p>They are added again to their source stream and will be processed again.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
