type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>

/** Polls a condition until it holds or the deadline passes (no fixed sleeps as assertions). */
export async function waitFor<T>(
  what: string,
  probe: () => T | Promise<T>,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<Truthy<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000)
  let last: unknown
  while (Date.now() < deadline) {
    try {
      const value = await probe()
      if (value) return value as Truthy<T>
      last = value
    } catch (error) {
      last = error
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 50))
  }
  throw new Error(`timed out waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`)
}
