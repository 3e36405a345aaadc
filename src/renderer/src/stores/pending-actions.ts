import type { Outcome } from '../components/operator/validated-call'
import { validatedCall } from '../components/operator/validated-call'
import { keptAcrossGroups, loadDeadLetters, refreshPending, setPending, usePendingStore } from './pending-store'

const get = usePendingStore.getState
const selectedIds = (): string[] => Object.keys(get().selected)

/** Runs one operator write, then reloads the list (and the dead letters); the answer's text becomes the notice. */
async function act<T>(run: () => Promise<Outcome<T>>, describe: (value: T) => string): Promise<Outcome<T>> {
  const outcome = await run()
  if (outcome.ok) {
    setPending({ notice: describe(outcome.value), error: null, selected: {} })
    await Promise.all([refreshPending(), loadDeadLetters()])
  }
  return outcome
}

function target(): { stream: string; group: string } {
  const { stream, group } = get()
  return { stream: stream ?? '', group: group ?? '' }
}

export const claimSelected = (consumer: string, minIdleMs: number) =>
  act(
    () => validatedCall('pending.claim', { ...target(), consumer, ids: selectedIds(), minIdleMs }),
    (v) => `Claimed ${v.claimed.length} to ${consumer}`,
  )

export const ackSelected = () =>
  act(() => validatedCall('pending.ack', { ...target(), ids: selectedIds() }), (v) => `Acknowledged ${v.acked}`)

export const deadLetterSelected = (reason: string) =>
  act(
    () => validatedCall('pending.deadLetter', { ...target(), ids: selectedIds(), reason }),
    (v) => `Moved ${v.moved} to the dead-letter stream`,
  )

export const previewClaimIdle = (minIdleMs: number) =>
  validatedCall('pending.claimIdle.preview', { ...target(), minIdleMs })

export const claimIdle = (consumer: string, minIdleMs: number) =>
  act(
    () => validatedCall('pending.claimIdle', { ...target(), consumer, minIdleMs }),
    (v) => `Claimed ${v.claimed} idle entries to ${consumer}${v.deleted.length ? ` (${v.deleted.length} were deleted)` : ''}`,
  )

export const deleteConsumer = (consumer: string) =>
  act(
    () => validatedCall('consumers.delete', { ...target(), consumer }),
    (v) => `Deleted consumer ${consumer}${v.pendingReleased ? `; ${v.pendingReleased} pending entries dropped` : ''}`,
  )

/** Deletes the whole group (its pending list with it); the view then has no group. */
export async function deleteGroup(): Promise<Outcome<{ deleted: boolean }>> {
  const { stream, group } = target()
  const outcome = await validatedCall('groups.delete', { stream, group })
  if (outcome.ok) usePendingStore.setState({ ...usePendingStore.getInitialState(), ...keptAcrossGroups(), notice: `Deleted group ${group} of ${stream}` })
  return outcome
}

export async function replayDeadLetters(deadLetterStream: string, ids: string[]): Promise<Outcome<unknown>> {
  const outcome = await validatedCall('deadLetters.replay', { deadLetterStream, ids })
  if (outcome.ok) {
    setPending({ notice: `Replayed ${outcome.value.replayed.length} dead letters` })
    await Promise.all([loadDeadLetters(), refreshPending()])
  } else setPending({ error: outcome.message })
  return outcome
}
