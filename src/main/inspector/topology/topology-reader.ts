import type { Redis } from 'ioredis'
import type { TopologySnapshot } from '../../../shared/api'
import { readAgentRegistry } from '../runtime-port'
import { buildGraph } from './build-graph'
import { JournalWriteSampler } from './journal-writes'
import { scanStreams } from './scan-streams'
import { readStreamInfos, type StreamCounter } from './stream-info'
import { AGENT_REGISTRY, JOURNAL_STREAM } from '../../../shared/keys'
import { unlessRefused } from '../unless-refused'

/** A snapshot covers at most this many streams; beyond it, `truncated` is set. */
export const TOPOLOGY_STREAMS_MAX = 2_000

/**
 * Takes topology snapshots; remembers the previous counters so each snapshot
 * carries entries/s, and the journal position so write edges are incremental.
 */
export class TopologyReader {
  private counters = new Map<string, StreamCounter>()
  private readonly writes = new JournalWriteSampler()
  private lastMs = 0

  constructor(
    private readonly redis: Redis,
    private readonly maxStreams: number = TOPOLOGY_STREAMS_MAX,
  ) {}

  async snapshot(): Promise<TopologySnapshot> {
    const now = Date.now()
    const scan = await scanStreams(this.redis, { max: this.maxStreams })
    const unreadable: string[] = []
    const [{ streams, counters }, agents, writes] = await Promise.all([
      readStreamInfos(this.redis, scan.keys, this.counters, now),
      unlessRefused(readAgentRegistry(this.redis, now), [], AGENT_REGISTRY, unreadable),
      unlessRefused(this.writes.sample(this.redis), [], JOURNAL_STREAM, unreadable),
    ])
    const intervalSec = this.lastMs ? (now - this.lastMs) / 1000 : 0
    this.counters = counters
    this.lastMs = now
    return {
      ts: now,
      streams,
      agents,
      graph: buildGraph(streams, agents, writes, intervalSec),
      streamCount: streams.length,
      truncated: scan.truncated,
      ...(unreadable.length > 0 ? { unreadable } : {}),
    }
  }
}
