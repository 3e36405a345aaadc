// The graph's layout engine, run in a Web Worker: a layout of many roles never blocks the page.
import ELK, { type ELK as LayoutEngine } from 'elkjs/lib/elk-api.js'
import ElkWorker from 'elkjs/lib/elk-worker.min.js?worker'

let engine: Promise<LayoutEngine> | null = null

/** One engine for the page's life; where a worker cannot start, the same engine on this thread (loaded then). */
export function layoutEngine(): Promise<LayoutEngine> {
  engine ??= (async () => {
    try {
      const worker = new ElkWorker()
      return new ELK({ workerFactory: () => worker })
    } catch {
      const { default: InThread } = await import('elkjs/lib/elk.bundled.js')
      return new InThread()
    }
  })()
  return engine
}
