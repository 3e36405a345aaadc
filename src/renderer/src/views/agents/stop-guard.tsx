import { createContext, useContext, useState, type ReactNode } from 'react'
import { ConfirmDialog } from '../../components/operator/ConfirmDialog'

/** A stop the operator must confirm: what stops, and the groups left with no consumer. */
export interface StopPlan {
  what: string
  groups: string[]
  run: () => Promise<unknown>
}

const GuardContext = createContext<(plan: StopPlan, needsConfirm: boolean) => void>((plan) => void plan.run())

/** Runs a stop at once, or first asks when it would stop the last consumer of a group. */
export function useStopGuard(): (plan: StopPlan, needsConfirm: boolean) => void {
  return useContext(GuardContext)
}

export function StopGuard({ children }: { children: ReactNode }) {
  const [asking, setAsking] = useState<StopPlan | null>(null)
  const [busy, setBusy] = useState(false)
  const guard = (plan: StopPlan, needsConfirm: boolean) => (needsConfirm ? setAsking(plan) : void plan.run())
  const confirm = async () => {
    if (!asking) return
    setBusy(true)
    await asking.run()
    setBusy(false)
    setAsking(null)
  }
  const groups = asking?.groups.join(', ') ?? ''
  return (
    <GuardContext.Provider value={guard}>
      {children}
      {asking ? (
        <ConfirmDialog
          title={`Stop the last consumer of ${groups}?`}
          confirmLabel="Stop anyway"
          danger
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={() => setAsking(null)}
        >
          <p>
            {asking.what} is the last running consumer of group {groups}. Once it stops, new entries wait in the stream
            and nothing reads them until an agent of this role starts again.
          </p>
        </ConfirmDialog>
      ) : null}
    </GuardContext.Provider>
  )
}
