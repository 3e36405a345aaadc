import { useState } from 'react'
import { ConfirmDialog } from '../../components/operator/ConfirmDialog'
import { deleteGroup } from '../../stores/pending-actions'
import { usePendingStore } from '../../stores/pending-store'

/** Deleting a group drops its pending list and its position: confirm with the names shown. */
export function DeleteGroupButton() {
  const stream = usePendingStore((s) => s.stream)
  const group = usePendingStore((s) => s.group)
  const total = usePendingStore((s) => s.total)
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!group) return null
  const confirm = async () => {
    const outcome = await deleteGroup()
    if (outcome.ok) setOpen(false)
    else setError(outcome.message)
  }
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Delete group…
      </button>
      {open ? (
        <ConfirmDialog title={`Delete group ${group}`} confirmLabel="Delete group" danger onConfirm={() => void confirm()} onCancel={() => setOpen(false)}>
          <p>
            Group {group} of {stream} goes away with its {total} pending entries and its read position. Agents reading
            through it stop receiving entries.
          </p>
          {error ? <p className="op-error" role="alert">{error}</p> : null}
        </ConfirmDialog>
      ) : null}
    </>
  )
}
