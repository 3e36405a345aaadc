type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>

export interface WaitOptions {
  /** Give up after this long; default 10 s. */
  timeoutMs?: number
  /** Probe again after this long; default 25 ms. */
  intervalMs?: number
}

/**
 * Polls a condition until it holds (a truthy value) or the deadline passes.
 * The error says what never happened, and the last error or value seen.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | Promise<T>,
  options: WaitOptions | number = {},
): Promise<Truthy<T>> {
  const { timeoutMs = 10_000, intervalMs = 25 } = typeof options === 'number' ? { timeoutMs: options } : options
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await probe()
      if (value) return value as Truthy<T>
      last = value
    } catch (error) {
      last = error
    }
    if (Date.now() > deadline) {
      const seen = last instanceof Error ? last.message : JSON.stringify(last)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${seen})`)
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

/**
 * Lets time pass where the passing of time is itself the point: an idle
 * window in which something must not happen, a pace, a slow worker's work.
 * Never to wait for something that a condition could name (use waitFor).
 */
export function letTimePass(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
