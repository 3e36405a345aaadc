import { useState } from 'react'
import type { TraceHop } from '@shared/api'
import { ConfirmDialog } from '../../components/operator/ConfirmDialog'
import { replayFromHop } from '../../stores/traces-store'

/**
 * Sends the envelope exactly as it left this hop to the stream it went to, so
 * the pipeline runs again from there (e.g. after fixing an agent).
 */
export function ReplayFromHop({ hop }: { hop: TraceHop }) {
  const [open, setOpen] = useState(false)
  const [result, setResult] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (hop.destination.startsWith('result:')) return null
  const confirm = async () => {
    const outcome = await replayFromHop(hop)
    if (!outcome.ok) return setError(outcome.message)
    setOpen(false)
    setResult(`Replayed to ${hop.destination} as ${outcome.value.ids[0] ?? '?'}`)
  }
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Replay from this hop…
      </button>
      {result ? <span role="status" className="op-notice"> {result}</span> : null}
      {open ? (
        <ConfirmDialog title="Replay from this hop" confirmLabel="Replay" onConfirm={() => void confirm()} onCancel={() => setOpen(false)}>
          <p>
            The envelope as it left {hop.role} is added again to {hop.destination}; the agents after it process it once
            more and its result goes to the same result list.
          </p>
          {error ? <p className="op-error" role="alert">{error}</p> : null}
        </ConfirmDialog>
      ) : null}
    </>
  )
}
