import type { Redis } from 'ioredis'
import { withDeadline } from './async-utils'
import { parseReadReply, type ReceivedEntry } from './stream-entry'

/** One XREADGROUP: a group and the streams it reads with it. */
export interface ReadSpec {
  group: string
  streams: string[]
}

/** Extra time a blocking read may take past its BLOCK before the watchdog cuts the connection. */
export const WATCHDOG_GRACE_MS = 5_000

/**
 * One agent instance's blocking reads, on a connection of its own. One
 * XREADGROUP takes one group, so the last spec blocks and the others (an
 * agent's own stream) are read without blocking in the same round trip — when
 * rung, and at least once per BLOCK cap. A read can be ended early without
 * losing anything (CLIENT UNBLOCK ... TIMEOUT), and a watchdog cuts a hung one.
 */
export class BatchReader {
  private clientId: number | null = null
  private reading = false
  private pollOthersNow = true
  private lastPollMs = 0

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
  }

  /** Ends a pending BLOCK now; `pollOthers` makes the next read include the non-blocking specs. */
  interrupt(pollOthers = false): void {
    if (pollOthers) this.pollOthersNow = true
    if (!this.reading || this.clientId === null) return
    this.commands.call('CLIENT', ['UNBLOCK', this.clientId, 'TIMEOUT']).catch(() => undefined)
  }

  close(): void {
    this.client.disconnect()
    this.clientId = null
  }

  /** Cuts the connection at once (stop without drain). */
  abort(): void {
    this.client.disconnect()
  }

  async read(all: ReadSpec[]): Promise<{ entries: ReceivedEntry[]; failure: Error | null }> {
    const { batchSize, blockMs } = this.options
    const now = Date.now()
    const pollOthers = this.pollOthersNow || now - this.lastPollMs >= blockMs
    if (pollOthers) {
      this.pollOthersNow = false
      this.lastPollMs = now
    }
    const specs = pollOthers ? all : all.slice(-1)
    // Sent back to back (one round trip) as plain commands: a Pipeline object per read costs garbage at high rates.
    const reads = specs.map((spec, index) => {
      const block = index === specs.length - 1 ? ['BLOCK', blockMs] : []
      const ids = spec.streams.map(() => '>')
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
    this.reading = true
    try {
      const replies = await withDeadline(Promise.all(reads), blockMs + WATCHDOG_GRACE_MS, () => this.client.disconnect(true))
      const entries: ReceivedEntry[] = []
      let failure: Error | null = null
      replies.forEach(({ reply, error }, index) => {
        // Entries another read returned in the same round trip are still ours to handle.
        if (error) failure ??= error
        else entries.push(...parseReadReply(reply, specs[index]?.group ?? ''))
      })
      return { entries, failure }
    } finally {
      this.reading = false
    }
  }
}
