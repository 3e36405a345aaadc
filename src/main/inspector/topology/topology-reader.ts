import type { RedisClient } from '../../redis/client-type'
import type { AgentInfo, TopologySnapshot } from '@shared/api'
import { buildGraph } from './build-graph'
import { consumerAgents, readAgentRegistry } from '../runtime-port'
import { JournalWriteSampler } from './journal-writes'
import { countResultLists, type ResultListCount } from './result-lists'
import { scanStreams } from './scan-streams'
import { StreamCache } from './stream-cache'
import { readStreamInfos } from './stream-info'
import { AGENT_REGISTRY, JOURNAL_STREAM } from '@shared/keys'
import { unlessRefused } from '../unless-refused'

/** A snapshot covers at most this many streams; beyond it, `truncated` is set. */
export const TOPOLOGY_STREAMS_MAX = 2_000
/** Live snapshots look for new streams and count result lists this often (SCAN walks the keyspace). */
export const KEYSPACE_RESCAN_MS = 10_000
/** Live snapshots read the agent registry at most this often (heartbeats come every few seconds). */
export const REGISTRY_READ_MS = 1_000

/**
 * Takes topology snapshots. `full` (on request) reads everything now; `live`
 * (the pusher, several a second) reads only what moved plus a slice of the
 * rest within a budget, finds new streams every KEYSPACE_RESCAN_MS and
 * learns traffic from the journal's new entries — so an idle Redis with a
 * thousand streams costs a few dozen commands a second.
 */
export class TopologyReader {
  private readonly cache = new StreamCache()
  private readonly writes = new JournalWriteSampler()
  private truncated = false
  private scannedMs = 0
  private registry: AgentInfo[] = []
  private registryMs = 0
  private resultLists: ResultListCount | null = null

  constructor(
    private readonly redis: RedisClient,
    private readonly maxStreams: number = TOPOLOGY_STREAMS_MAX,
  ) {}

  async snapshot(mode: 'full' | 'live' = 'full'): Promise<TopologySnapshot> {
    const now = Date.now()
    const full = mode === 'full'
    const rescan = full || now - this.scannedMs >= KEYSPACE_RESCAN_MS
    if (rescan) {
      const [scan, results] = await Promise.all([scanStreams(this.redis, { max: this.maxStreams }), countResultLists(this.redis)])
      this.cache.setKeys(scan.keys)
      this.truncated = scan.truncated
      this.resultLists = results
      this.scannedMs = now
    }
    // What the Redis user may not read is named in `unreadable`; the rest of the snapshot shows.
    const unreadable: string[] = []
    const [journal, registry] = await Promise.all([
      unlessRefused(this.writes.sample(this.redis, now), { writes: [], touched: new Set<string>() }, JOURNAL_STREAM, unreadable),
      full || now - this.registryMs >= REGISTRY_READ_MS
        ? unlessRefused(readAgentRegistry(this.redis, now), [], AGENT_REGISTRY, unreadable)
        : Promise.resolve(this.registry),
    ])
    if (registry !== this.registry) this.registryMs = now
    this.registry = registry
    const plan = full ? this.cache.planAll() : this.cache.plan(now, journal.touched)
    if (plan.keys.length > 0) {
      const read = await readStreamInfos(this.redis, plan.keys, this.cache.previousCounters(), now, (key) => plan.cold.has(key))
      this.cache.update(plan.keys, read.streams, read.counters, now)
    }
    const streams = this.cache.all()
    const agents = [...registry, ...consumerAgents(streams, registry, now)]
    return {
      ts: now / 1000,
      streams,
      agents,
      graph: buildGraph({ streams, agents, writes: journal.writes, resultLists: this.resultLists }),
      streamCount: streams.length,
      truncated: this.truncated,
      ...(unreadable.length > 0 ? { unreadable } : {}),
    }
  }
}
