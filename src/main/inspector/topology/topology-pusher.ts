import type { TopologySnapshot } from '@shared/api'
import type { TopologyReader } from './topology-reader'

/** An unchanged topology is pushed again after this long anyway (idle times move on). */
export const TOPOLOGY_REFRESH_MS = 2_000

/** What changes the picture; idle times and ts alone do not. */
function signature(s: TopologySnapshot): string {
  return JSON.stringify([
    s.streams.map((x) => [x.key, x.length, x.lastId, x.groups.map((g) => [g.name, g.pending, g.lastDeliveredId, g.consumers.length])]),
    s.agents.map((a) => [a.agentId, a.status, a.runs]),
    s.graph.edges.map((e) => [e.id, e.ratePerSec > 0]),
  ])
}

/**
 * Pushes 'topology' at most once per interval, only while someone listens,
 * and skips pushes of an unchanged picture. The next snapshot starts only
 * after the previous one finished, so a slow server is never piled on.
 */
export class TopologyPusher {
  private timer: NodeJS.Timeout | null = null
  private stopped = false
  private lastSignature = ''
  private lastPushMs = 0

  constructor(
    private readonly reader: TopologyReader,
    private readonly push: (snapshot: TopologySnapshot) => void,
    private readonly intervalMs: number,
    private readonly isWatched: () => boolean,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.stopped = false
    this.schedule()
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private schedule(): void {
    if (this.stopped) return
    this.timer = setTimeout(() => void this.tick(), this.intervalMs)
  }

  private async tick(): Promise<void> {
    try {
      if (this.isWatched()) {
        const snapshot = await this.reader.snapshot('live')
        const sig = signature(snapshot)
        if (!this.stopped && (sig !== this.lastSignature || Date.now() - this.lastPushMs >= TOPOLOGY_REFRESH_MS)) {
          this.lastSignature = sig
          this.lastPushMs = Date.now()
          this.push(snapshot)
        }
      }
    } catch (error) {
      this.onError(error)
    } finally {
      this.schedule()
    }
  }
}
