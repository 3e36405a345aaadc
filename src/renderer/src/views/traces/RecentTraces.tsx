import { useEffect, useMemo } from 'react'
import { RelativeTime } from '../../components/operator/RelativeTime'
import { openTrace, traceHref } from '../../components/operator/navigate'
import { loadRecentTraces, setRecentOutcome, setRecentSearch, useRecentTracesStore } from '../../stores/traces-recent-store'
import { searchRecent, type TraceOutcome } from './recent-traces'

const OUTCOMES: Array<TraceOutcome | 'all'> = ['all', 'done', 'error', 'violation', 'in flight']
/** Rows drawn at once; the search narrows the rest. */
const ROWS_SHOWN = 200

/** Recent messages from the journal with their outcome; search by id prefix or conversation; a row opens its trace. */
export function RecentTraces({ currentId }: { currentId: string | null }) {
  const { traces, search, outcome, loading, error } = useRecentTracesStore()
  useEffect(() => void loadRecentTraces(), [])
  const shown = useMemo(() => searchRecent(traces, search, outcome), [traces, search, outcome])
  return (
    <section className="recent-traces" aria-label="Recent traces" data-testid="recent-traces">
      <div className="op-inline-form">
        <input
          aria-label="Search traces by id prefix or conversation"
          placeholder="message or conversation id prefix"
          value={search}
          onChange={(e) => setRecentSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && shown[0]) openTrace(shown[0].messageId)
          }}
        />
        <select aria-label="Outcome" value={outcome} onChange={(e) => setRecentOutcome(e.target.value as TraceOutcome | 'all')}>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void loadRecentTraces()} disabled={loading}>
          Refresh
        </button>
      </div>
      {error ? <p className="op-error">{error}</p> : null}
      <p className="op-note">
        {shown.length} of {traces.length} recent messages
      </p>
      <ul className="recent-list">
        {shown.slice(0, ROWS_SHOWN).map((t) => (
          <li key={t.messageId}>
            <a
              href={traceHref(t.messageId)}
              data-recent-trace={t.messageId}
              aria-current={t.messageId === currentId ? 'true' : undefined}
            >
              <span className={`outcome outcome-${t.outcome.replace(' ', '-')}`}>{t.outcome}</span>
              <code className="recent-id">{t.messageId}</code>
              <span className="op-note">
                {t.lastRole} · {t.hops} hop{t.hops === 1 ? '' : 's'} · <RelativeTime ms={t.lastMs} />
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
