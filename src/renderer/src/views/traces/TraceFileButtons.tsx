import { useRef, useState, type ChangeEvent } from 'react'
import { tracesSelectors } from '../../stores/traces-selectors'
import { importTrace, useTracesStore } from '../../stores/traces-store'

/** Export the shown trace as a JSON file; import one (e.g. from a colleague) to step through offline. */
export function TraceFileButtons() {
  const trace = useTracesStore(tracesSelectors.currentTrace)
  const input = useRef<HTMLInputElement>(null)
  const [error, setError] = useState<string | null>(null)

  const exportTrace = () => {
    if (!trace) return
    const blob = new Blob([JSON.stringify(trace, null, 2)], { type: 'application/json' })
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = `trace-${trace.messageId}.json`
    link.click()
    URL.revokeObjectURL(url)
  }
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (file) setError(await importTrace(await file.text()))
  }
  return (
    <span className="op-inline-form">
      <button type="button" onClick={exportTrace} disabled={!trace}>
        Export
      </button>
      <button type="button" onClick={() => input.current?.click()}>
        Import…
      </button>
      <input ref={input} type="file" accept="application/json,.json" aria-label="Import trace file" hidden onChange={(e) => void onFile(e)} />
      {error ? <span className="op-error" role="alert">{error}</span> : null}
    </span>
  )
}
