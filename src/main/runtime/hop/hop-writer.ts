// Writing each finished hop at once, batched per turn of the event loop.
import type { Redis } from 'ioredis'
import type { ReceivedEntry } from '../reader/stream-entry'
import { execTransaction, Transaction, type TransactionOutcome } from './transaction'
import { isConnectionError } from '../core/async-utils'

/**
 * What one hop writes, queued into a transaction. It answers 'acked' when its
 * own writes include the XACK of the entry (every script does); otherwise the
 * writer adds it.
 */
export type HopWrite = (tx: Transaction, entry: ReceivedEntry) => 'acked' | void

/**
 * Up to this many hops ride ahead of the next read on the reader's own
 * connection (one socket write a hop: light traffic gets the lowest latency).
 * More go on the shared command connection at once.
 */
export const CARRY_MAX_ENTRIES = 8

/**
 * Writes each entry's hop as soon as it is finished. Hops finished in the
 * same turn of the event loop share one MULTI. The agent's loop takes them
 * (`takeCarry`) to send ahead of its next read; when it does not come for
 * them within the turn (it is blocked in a read, or waiting for a slot) they
 * go on the command connection by themselves.
 */
export class HopWriter {
  private pending: Transaction | null = null
  private scheduled = false
  private inFlight = new Set<Promise<void>>()

  constructor(
    private readonly commands: () => Redis | null,
    private readonly onError: (error: unknown) => void,
  ) {}

  add(write: HopWrite, entry: ReceivedEntry): void {
    const tx = (this.pending ??= new Transaction())
    if (write(tx, entry) !== 'acked') tx.xack(entry.stream, entry.group, entry.id)
    if (!this.scheduled) {
      this.scheduled = true
      setImmediate(() => {
        this.scheduled = false
        this.flush()
      })
    }
  }

  /** The hops waiting, to be sent ahead of the next read; too many for that are sent now instead. */
  takeCarry(): Transaction | null {
    const tx = this.pending
    if (!tx || tx.size <= CARRY_MAX_ENTRIES) {
      this.pending = null
      return tx
    }
    this.flush()
    return null
  }

  /** Sends what waits on the command connection. */
  flush(): void {
    const tx = this.pending
    const commands = this.commands()
    if (!tx || !commands) return
    this.pending = null
    this.track(execTransaction(commands, tx))
  }

  /** Watches a sent transaction: errors of single hops are reported; a lost EXEC leaves its entries pending (claimed later). */
  track(outcome: Promise<TransactionOutcome>): void {
    const done = outcome.then(
      (errors) => {
        for (const error of errors) if (error) this.onError(error)
      },
      (error: unknown) => {
        if (!isConnectionError(error)) this.onError(error)
      },
    )
    this.inFlight.add(done)
    void done.finally(() => this.inFlight.delete(done))
  }

  /** Settles once every write sent so far has. */
  async settled(): Promise<void> {
    await Promise.all([...this.inFlight])
  }
}
