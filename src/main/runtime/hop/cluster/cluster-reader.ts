// An agent's reads on a Cluster: one blocking XREADGROUP per stream, each on a connection of its own.
import type { Cluster } from 'ioredis'
import type { RedisClient } from '../../../redis/client-type'
import type { ReadSpec } from '../../reader/batch-reader'
import { rereadSuspects } from '../../reader/reread-bytes'
import { parseReadReply, type ReceivedEntry } from '../../reader/stream-entry'
import type { Transaction, TransactionOutcome } from '../transaction'

interface StreamRead {
  group: string
  stream: string
  client: Cluster
  reading: boolean
}

/**
 * BatchReader's counterpart on a Cluster. One XREADGROUP over several streams
 * (an agent's role and own stream, the seed 000 aggregator's four) would need
 * them all in one slot, so each stream is read by itself, blocking, on a
 * Cluster client of its own (a BLOCK never holds up the shared connection or
 * another stream's read). A read that comes back is handed out with the next
 * batch while the others keep waiting; entries that arrive while the agent is
 * busy wait here (pending in the group, so never lost: a stop leaves them to the sweeper).
 */
export class ClusterReader {
  private readonly reads = new Map<string, StreamRead>()
  private arrived: ReceivedEntry[] = []
  private failure: Error | null = null
  private wakeUp: (() => void) | null = null
  private closed = false

  constructor(
    private readonly connect: () => Cluster,
    private readonly commands: RedisClient,
    private readonly consumer: () => string,
    private readonly options: { batchSize: number; blockMs: number },
  ) {}

  async open(): Promise<void> {}

  /** Ends the wait of the current read() now (stop, pause, a ring); reads in flight go on. */
  interrupt(_pollOthers = false): void {
    const wake = this.wakeUp
    this.wakeUp = null
    wake?.()
  }

  close(): void {
    this.closed = true
    this.interrupt()
    for (const read of this.reads.values()) read.client.disconnect()
    this.reads.clear()
  }

  abort(): void {
    this.close()
  }

  /** The entries that have come in (waiting for the first when none has); carry is always null here. */
  async read(
    all: ReadSpec[],
    _carry: Transaction | null = null,
    _onSent: (outcome: Promise<TransactionOutcome>) => void = () => undefined,
    count = this.options.batchSize,
  ): Promise<{ entries: ReceivedEntry[]; failure: Error | null }> {
    const batch = Math.max(1, Math.min(count, this.options.batchSize))
    for (const spec of all) for (const stream of spec.streams) this.issue(spec.group, stream, batch)
    if (this.arrived.length === 0 && !this.failure && !this.closed) await new Promise<void>((resolve) => (this.wakeUp = resolve))
    const entries = this.arrived
    const failure = this.failure
    this.arrived = []
    this.failure = null
    return { entries: await rereadSuspects(this.commands, entries), failure }
  }

  private issue(group: string, stream: string, batch: number): void {
    if (this.closed) return
    const key = `${group}\n${stream}`
    let read = this.reads.get(key)
    if (!read) {
      read = { group, stream, client: this.connect(), reading: false }
      this.reads.set(key, read)
    }
    if (read.reading) return
    read.reading = true
    const current = read
    current.client
      .call('XREADGROUP', ['GROUP', group, this.consumer(), 'COUNT', batch, 'BLOCK', this.options.blockMs, 'STREAMS', stream, '>'])
      .then(
        (reply) => {
          const entries = parseReadReply(reply, group)
          if (entries.length === 0) return
          this.arrived.push(...entries)
          this.interrupt()
        },
        (error: unknown) => {
          if (this.closed) return
          this.failure ??= error instanceof Error ? error : new Error(String(error))
          this.interrupt()
        },
      )
      .finally(() => {
        current.reading = false
        // A read that timed out empty starts again at once, so every stream always has one waiting.
        if (!this.closed && this.wakeUp) this.issue(group, stream, batch)
      })
  }
}
