import type { RedisClient } from '../../redis/client-type'
import type { StreamEntry, TailBatch } from '@shared/api'
import { idText } from '../entries/binary-fields'
import { decodeEntries, type RawEntry } from '../entries/decode-entry'

/** One push carries at most this many entries; older ones beyond it are counted as dropped. */
export const TAIL_BATCH_MAX = 500
/** XREAD BLOCK is capped so a lost connection or a stop is noticed within this time. */
export const TAIL_BLOCK_MS = 1_000
/** Wait before reading again after a connection error. */
export const TAIL_RETRY_MS = 500

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * One live tail: XREAD BLOCK on its own connection (never a group), entries
 * buffered up to TAIL_BATCH_MAX and flushed at most once per push interval.
 */
export class TailSession {
  private buffer: StreamEntry[] = []
  private dropped = 0
  private lastId: string
  private closed = false
  private readonly flushTimer: NodeJS.Timeout
  private loop: Promise<void> = Promise.resolve()

  constructor(
    readonly tailId: string,
    readonly stream: string,
    fromId: string,
    private readonly client: RedisClient,
    private readonly push: (batch: TailBatch) => void,
    pushIntervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.lastId = fromId
    this.flushTimer = setInterval(() => this.flush(), pushIntervalMs)
  }

  start(): void {
    this.loop = this.run()
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      try {
        // Buffers: bytes that are not UTF-8 are pushed as marked hex, never as U+FFFD.
        const reply = (await this.client.xreadBuffer('COUNT', TAIL_BATCH_MAX, 'BLOCK', TAIL_BLOCK_MS, 'STREAMS', this.stream, this.lastId)) as
          | Array<[Buffer, RawEntry[]]>
          | null
        const rows = reply?.[0]?.[1] ?? []
        if (rows.length === 0 || this.closed) continue
        const last = rows.at(-1)
        if (last) this.lastId = idText(last[0])
        this.buffer.push(...decodeEntries(rows))
        const over = this.buffer.length - TAIL_BATCH_MAX
        if (over > 0) {
          this.buffer.splice(0, over)
          this.dropped += over
        }
      } catch (error) {
        if (this.closed) return
        this.onError(error)
        await sleep(TAIL_RETRY_MS)
      }
    }
  }

  private flush(): void {
    if (this.buffer.length === 0 && this.dropped === 0) return
    const batch: TailBatch = {
      tailId: this.tailId,
      stream: this.stream,
      entries: this.buffer,
      lastId: this.lastId,
      dropped: this.dropped,
    }
    this.buffer = []
    this.dropped = 0
    this.push(batch)
  }

  /** Pushes what is buffered, then interrupts the blocking read and closes the connection. */
  async stop(): Promise<void> {
    if (this.closed) return
    this.closed = true
    clearInterval(this.flushTimer)
    this.flush()
    this.client.disconnect()
    await this.loop.catch(() => undefined)
  }
}
