import { useState, type FormEvent } from 'react'
import { findTraces, selectTrace, useTracesStore, type TraceQueryKind } from '../../stores/traces-store'

/** Find traces by message id or conversation id; pick one when several match. */
export function TraceSearch() {
  const [kind, setKind] = useState<TraceQueryKind>('message')
  const [value, setValue] = useState('')
  const loading = useTracesStore((s) => s.loading)
  const traces = useTracesStore((s) => s.traces)
  const traceIndex = useTracesStore((s) => s.traceIndex)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void findTraces(kind, value)
  }
  return (
    <div className="op-trace-search">
      <form onSubmit={onSubmit} className="op-inline-form" role="search">
        <label>
          Find by
          <select value={kind} onChange={(e) => setKind(e.target.value as TraceQueryKind)}>
            <option value="message">message id</option>
            <option value="conversation">conversation id</option>
          </select>
        </label>
        <input aria-label="Trace id" value={value} onChange={(e) => setValue(e.target.value)} placeholder="id" />
        <button type="submit" disabled={loading}>
          Find
        </button>
      </form>
      {traces.length > 1 ? (
        <label>
          Message
          <select value={traceIndex} onChange={(e) => void selectTrace(Number(e.target.value))}>
            {traces.map((t, i) => (
              <option key={t.messageId} value={i}>
                {t.messageId} · {t.hops.length} hops{t.complete ? '' : ' · in flight'}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  )
}
