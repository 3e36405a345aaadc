import { heapAfterGc, type HeapReading } from './heap-probe'
import { rssMiB } from './processes'

/** Memory may grow this much from the warmed-up start to the end. */
export const MAX_GROWTH = 0.2
/** Readings per checkpoint, this far apart; the smallest counts (work in flight is live but not retained). */
const READINGS = 3
const READING_GAP_MS = 1_000

export interface Watched {
  name: string
  pid: number | undefined
  /** The process's inspector (it runs with --inspect), for forced GCs. */
  inspector: string
}

interface Checkpoint {
  atSec: number
  heap: HeapReading
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN) : Number.NaN
}
const pct = (growth: number) => `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %`
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * What "memory growth" means for a Node process, measured two ways:
 *  - retained: heapUsed + external right after a forced full GC (the smallest
 *    of a few readings), at the warmed-up start and at the end — what a leak
 *    (a growing buffer, map, queue, or Buffers kept alive) makes grow. Growing
 *    over MAX_GROWTH fails the soak.
 *  - resident: RSS read every second without forcing anything, its median
 *    over the first and over the last window. Reported, not checked: V8 sizes
 *    its heap from the allocation rate and its GC speed, so RSS follows how
 *    busy the CPU is. Measured (RELIABILITY.md): RSS +20.4 % with nothing
 *    retained on a machine getting busier, and +14.4 % for a build leaking
 *    19 MiB in 100 s, which the retained measure caught (+91.9 %).
 */
export class MemoryWatch {
  private readonly rss = new Map<string, Array<{ atSec: number; mib: number }>>()
  private readonly checkpoints = new Map<string, Checkpoint[]>()
  private timer: NodeJS.Timeout | null = null
  private readonly startedMs = Date.now()

  constructor(private readonly processes: readonly Watched[]) {
    for (const p of processes) {
      this.rss.set(p.name, [])
      this.checkpoints.set(p.name, [])
    }
  }

  private secs(): number {
    return (Date.now() - this.startedMs) / 1000
  }

  /** Starts the RSS samples (call after the warm-up). */
  startRss(): void {
    this.timer ??= setInterval(() => {
      for (const p of this.processes) this.rss.get(p.name)?.push({ atSec: this.secs(), mib: rssMiB(p.pid) })
    }, 1_000)
  }

  stopRss(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** Retained memory of every process now (forced GCs); printed and kept. */
  async checkpoint(label: string): Promise<void> {
    for (const p of this.processes) {
      const readings: HeapReading[] = []
      for (let i = 0; i < READINGS; i++) {
        if (i > 0) await sleep(READING_GAP_MS)
        readings.push(await heapAfterGc(p.inspector))
      }
      const heap = readings.reduce((a, b) => (retained(b) < retained(a) ? b : a))
      this.checkpoints.get(p.name)?.push({ atSec: this.secs(), heap })
      console.log(`  ${label}: ${p.name} after GC: heap ${heap.heapUsed} MiB + external ${heap.external} MiB (V8 heap committed ${heap.heapTotal} MiB, rss then ${heap.rss} MiB)`)
    }
  }

  /** One line per measure and process, and the failures. */
  report(): { lines: string[]; failures: string[] } {
    const lines: string[] = []
    const failures: string[] = []
    for (const p of this.processes) {
      const points = this.checkpoints.get(p.name) ?? []
      const first = points[0]
      const last = points.at(-1)
      if (first && last && first !== last) {
        const growth = retained(last.heap) / retained(first.heap) - 1
        const trend = points.map((c) => `${c.atSec.toFixed(0)} s ${retained(c.heap).toFixed(1)}`).join(', ')
        lines.push(`memory ${p.name} retained (heap + external after GC): ${retained(first.heap).toFixed(1)} -> ${retained(last.heap).toFixed(1)} MiB (${pct(growth)}); at ${trend}`)
        if (!(growth <= MAX_GROWTH)) failures.push(`${p.name} retained memory grew ${pct(growth)}`)
      }
      const samples = this.rss.get(p.name) ?? []
      if (samples.length >= 4) {
        const span = samples.at(-1)!.atSec - samples[0]!.atSec
        const window = Math.max(30, span * 0.2)
        const early = samples.filter((s) => s.atSec <= samples[0]!.atSec + window).map((s) => s.mib)
        const late = samples.filter((s) => s.atSec >= samples.at(-1)!.atSec - window).map((s) => s.mib)
        const growth = median(late) / median(early) - 1
        const all = samples.map((s) => s.mib)
        lines.push(
          `memory ${p.name} RSS (reported, not checked): median ${median(early)} MiB over the first ${window.toFixed(0)} s -> ${median(late)} MiB over the last ${window.toFixed(0)} s (${pct(growth)}); ` +
            `first ${all[0]}, last ${all.at(-1)}, range ${Math.min(...all)}-${Math.max(...all)} MiB`,
        )
      }
    }
    return { lines, failures }
  }
}

function retained(heap: HeapReading): number {
  return heap.heapUsed + heap.external
}
