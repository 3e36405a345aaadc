// An agent's blocking reads on a connection of its own, with a watchdog.
import type { Redis } from 'ioredis'
import { parseReadReply, type ReceivedEntry } from './stream-entry'
import { rereadSuspects } from './reread-bytes'
import { corked, sendTransaction, type Transaction, type TransactionOutcome } from '../hop/transaction'

/** One XREADGROUP: a group and the streams it reads with it. */
export interface ReadSpec {
  group: string
  streams: string[]
}

/** CLIENT UNBLOCK tries before a read gives up on being ended early (it then ends at its BLOCK cap). */
const UNBLOCK_ATTEMPTS = 5
const UNBLOCK_RETRY_MS = 2

/** Extra time a blocking read may take past its BLOCK before the watchdog cuts the connection. */
export const WATCHDOG_GRACE_MS = 5_000

/**
 * One agent instance's blocking reads, on a connection of its own. One
 * XREADGROUP takes one group, so the last spec blocks and the others (an
 * agent's own stream) are read without blocking in the same round trip — when
 * rung, and at least once per BLOCK cap. A read can be ended early without
 * losing anything (CLIENT UNBLOCK ... TIMEOUT), and a watchdog cuts a hung one:
 * the connection is dropped and ioredis sends the read again on a new one.
 * The previous batch's writes go ahead of the read in the same socket write:
 * one write per hop, and a batch is written before the next one is read.
 */
export class BatchReader {
  private clientId: number | null = null
  private reading = false
  private pollOthersNow = true
  private lastPollMs = 0
  /** One timer for every read, re-armed with refresh(): a timer per read is garbage at high rates. */
  private watchdog: NodeJS.Timeout | null = null

  constructor(
    private readonly client: Redis,
    private readonly commands: Redis,
    private readonly consumer: () => string,
    private readonly options: { batchSize: number; blockMs: number },
  ) {}

  /** Learned before the first read: a CLIENT ID queued behind a BLOCK would wait for it. */
  async open(): Promise<void> {
    const learnId = async (): Promise<void> => {
      this.clientId = await this.client.client('ID').then(Number, () => null)
    }
    await learnId()
    this.client.on('ready', () => void learnId())
    this.watchdog = setTimeout(() => {
      if (this.reading) this.client.disconnect(true)
    }, this.options.blockMs + WATCHDOG_GRACE_MS)
    this.watchdog.unref()
  }

  /** Ends a pending BLOCK now; `pollOthers` makes the next read include the non-blocking specs. */
  interrupt(pollOthers = false): void {
    if (pollOthers) this.pollOthersNow = true
    this.unblock(UNBLOCK_ATTEMPTS)
  }

  private unblock(attempts: number): void {
    if (!this.reading || this.clientId === null) return
    this.commands.call('CLIENT', ['UNBLOCK', this.clientId, 'TIMEOUT']).then((unblocked) => {
      // 0: the read was not blocking yet (still behind the last batch's writes on its connection).
      if (Number(unblocked) === 0 && attempts > 1) setTimeout(() => this.unblock(attempts - 1), UNBLOCK_RETRY_MS)
    }, () => undefined)
  }

  close(): void {
    if (this.watchdog) clearTimeout(this.watchdog)
    this.client.disconnect()
    this.clientId = null
  }

  /** Cuts the connection at once (stop without drain). */
  abort(): void {
    this.client.disconnect()
  }

  /**
   * Reads the next batch; `carry` (the last batch's writes) is sent first on
   * the same connection, and `onSent` gets its outcome at once.
   */
  async read(
    all: ReadSpec[],
    carry: Transaction | null = null,
    onSent: (outcome: Promise<TransactionOutcome>) => void = () => undefined,
    count = this.options.batchSize,
  ): Promise<{ entries: ReceivedEntry[]; failure: Error | null }> {
    const { blockMs } = this.options
    const now = Date.now()
    const pollOthers = this.pollOthersNow || now - this.lastPollMs >= blockMs
    if (pollOthers) {
      this.pollOthersNow = false
      this.lastPollMs = now
    }
    const specs = pollOthers ? all : all.slice(-1)
    // Sent back to back (one round trip) as plain commands: a Pipeline object per read costs garbage at high rates.
    const reads = corked(this.client, () => {
      if (carry) onSent(sendTransaction(this.client, carry, this.commands))
      return this.issueReads(specs, Math.max(1, Math.min(count, this.options.batchSize)))
    })
    this.reading = true
    this.watchdog?.refresh()
    try {
      const replies = await Promise.all(reads)
      const entries: ReceivedEntry[] = []
      let failure: Error | null = null
      replies.forEach(({ reply, error }, index) => {
        // Entries another read returned in the same round trip are still ours to handle.
        if (error) failure ??= error
        else entries.push(...parseReadReply(reply, specs[index]?.group ?? ''))
      })
      return { entries: await rereadSuspects(this.commands, entries), failure }
    } finally {
      this.reading = false
    }
  }

  private issueReads(specs: ReadSpec[], batchSize: number): Array<Promise<{ reply: unknown; error: Error | null }>> {
    const { blockMs } = this.options
    return specs.map((spec, index) => {
      const block = index === specs.length - 1 ? ['BLOCK', blockMs] : []
      const ids = spec.streams.map(() => '>')
      // As text (cheap); an entry that shows U+FFFD is read again as bytes (rereadSuspects) before it is handled.
      return this.client
        .call('XREADGROUP', ['GROUP', spec.group, this.consumer(), 'COUNT', batchSize, ...block, 'STREAMS', ...spec.streams, ...ids])
        .then(
          (reply) => {
            // Entries from a non-blocking read: end the blocking one now rather than after its BLOCK.
            if (index < specs.length - 1 && reply !== null && parseReadReply(reply, spec.group).length > 0) this.interrupt()
            return { reply, error: null }
          },
          (error: unknown) => ({ reply: null, error: error instanceof Error ? error : new Error(String(error)) }),
        )
    })
  }
}
