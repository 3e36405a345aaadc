// Bounded concurrency slots per agent instance, with timeouts and abort signals.
/**
 * Bounded concurrency slots of one agent instance (BullMQ's worker model):
 * up to `capacity` entries in flight; the loop reads as many as are free and
 * waits here when none is. Each entry frees its slot when its own work ends,
 * so one slow entry holds one slot, never a batch.
 */
export class Slots {
  private inUse = 0
  private freeWaiter: (() => void) | null = null
  private idleWaiters: Array<() => void> = []

  constructor(readonly capacity: number) {}

  get free(): number {
    return Math.max(0, this.capacity - this.inUse)
  }

  get busy(): number {
    return this.inUse
  }

  /** Runs `task` in a slot (taken even when none is free: claimed entries must be handled too). */
  run(task: () => Promise<void>): void {
    this.inUse += 1
    const done = (): void => {
      this.inUse -= 1
      if (this.inUse < this.capacity) this.wake()
      if (this.inUse === 0) for (const resolve of this.idleWaiters.splice(0)) resolve()
    }
    task().then(done, done)
  }

  /** Resolves once a slot is free, or when woken (stop, pause). */
  waitForFree(): Promise<void> {
    if (this.free > 0) return Promise.resolve()
    return new Promise((resolve) => (this.freeWaiter = resolve))
  }

  wake(): void {
    const resolve = this.freeWaiter
    this.freeWaiter = null
    resolve?.()
  }

  /** Resolves when nothing is in flight. */
  idle(): Promise<void> {
    if (this.inUse === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }
}
