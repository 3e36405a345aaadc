/** Inspector benchmark: filled in below; runnable alone with `npx tsx bench/inspector/index.ts`. */
export async function runInspectorBench(): Promise<void> {
  console.log('inspector bench: not yet')
}
