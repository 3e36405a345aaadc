import { useState } from 'react'
import { pendingSelectors } from '../../stores/pending-selectors'
import { setSelection, usePendingStore } from '../../stores/pending-store'
import { useNow } from '../../components/operator/use-now'
import { AckDialog } from './AckDialog'
import { ClaimDialog } from './ClaimDialog'
import { ClaimIdleDialog } from './ClaimIdleDialog'
import { DeadLetterDialog } from './DeadLetterDialog'
import { DeleteGroupButton } from './DeleteGroupButton'

type OpenDialog = 'claim' | 'ack' | 'deadLetter' | 'claimIdle' | null

/** The operator's buttons over the pending list; each opens its dialog. */
export function PendingActions() {
  const selectedCount = usePendingStore(pendingSelectors.selectedCount)
  const group = usePendingStore((s) => s.group)
  const total = usePendingStore((s) => s.total)
  const now = useNow(1000)
  const stuck = usePendingStore((s) => pendingSelectors.stuckCount(s, now))
  const [open, setOpen] = useState<OpenDialog>(null)
  const close = () => setOpen(null)
  const none = selectedCount === 0
  return (
    <div className="op-actions">
      <span data-testid="pending-total">
        {total} pending · {stuck} stuck · {selectedCount} selected
      </span>
      <button type="button" disabled={stuck === 0} onClick={() => setSelection(pendingSelectors.stuckIds(usePendingStore.getState(), Date.now()))}>
        Select stuck
      </button>
      <button type="button" disabled={none} onClick={() => setSelection([])}>
        Clear selection
      </button>
      <button type="button" disabled={none} onClick={() => setOpen('claim')}>
        Claim…
      </button>
      <button type="button" disabled={none} onClick={() => setOpen('ack')}>
        Ack…
      </button>
      <button type="button" disabled={none} onClick={() => setOpen('deadLetter')}>
        Dead-letter…
      </button>
      <button type="button" disabled={!group} onClick={() => setOpen('claimIdle')}>
        Claim all idle…
      </button>
      <DeleteGroupButton />
      {open === 'claim' ? <ClaimDialog onClose={close} /> : null}
      {open === 'ack' ? <AckDialog onClose={close} /> : null}
      {open === 'deadLetter' ? <DeadLetterDialog onClose={close} /> : null}
      {open === 'claimIdle' ? <ClaimIdleDialog onClose={close} /> : null}
    </div>
  )
}
