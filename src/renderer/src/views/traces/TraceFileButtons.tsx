import { useRef, type ChangeEvent } from 'react'
import { showToast } from '../../components/operator/toasts'
import { tracesSelectors } from '../../stores/traces-selectors'
import { importTrace, useTracesStore } from '../../stores/traces-store'

/** Export the shown trace as a JSON file; import one (e.g. from a colleague) to step through offline. */
export function TraceFileButtons() {
  const trace = useTracesStore(tracesSelectors.currentTrace)
  const input = useRef<HTMLInputElement>(null)

  const exportTrace = () => {
    if (!trace) return
    const blob = new Blob([JSON.stringify(trace, null, 2)], { type: 'application/json' })
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = `trace-${trace.messageId}.json`
    link.click()
    URL.revokeObjectURL(url)
    showToast(`Exported trace-${trace.messageId}.json`)
  }
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    const error = await importTrace(await file.text(), file.name)
    // A toast, not a line that stays in the toolbar: the view stays as it was.
    showToast(error ?? `Imported ${file.name}`, error ? 'error' : 'ok')
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
    </span>
  )
}
