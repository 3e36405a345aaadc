// A seam for observers of the runtime (metrics): hops, violations, dead letters.
/**
 * A seam for observers of the runtime (metrics): told of each hop, safety
 * violation, dead letter and runtime error in this process. No observer, no cost
 * beyond an empty loop; an observer that throws cannot break a hop.
 */
export interface HopObserver {
  hop?(role: string, durationSec: number, failed: boolean): void
  violation?(role: string, kind: string): void
  deadLetter?(sourceStream: string): void
  runtimeError?(): void
}

const observers = new Set<HopObserver>()

export function observeRuntime(observer: HopObserver): () => void {
  observers.add(observer)
  return () => observers.delete(observer)
}

function each(call: (observer: HopObserver) => void): void {
  for (const observer of observers) {
    try {
      call(observer)
    } catch {
      // metrics are best effort; the hop goes on
    }
  }
}

export const runtimeEvents = {
  hop: (role: string, durationSec: number, failed: boolean) => each((o) => o.hop?.(role, durationSec, failed)),
  violation: (role: string, kind: string) => each((o) => o.violation?.(role, kind)),
  deadLetter: (sourceStream: string) => each((o) => o.deadLetter?.(sourceStream)),
  runtimeError: () => each((o) => o.runtimeError?.()),
}
