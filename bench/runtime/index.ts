/** Placeholder until the runtime benchmark lands (same session). */
export async function runRuntimeBench(): Promise<void> {
  console.log('runtime bench: not written yet')
}
