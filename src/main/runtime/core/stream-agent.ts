// The read–process–write loop every agent runs, with its lifecycle.
import { EventEmitter } from 'node:events'
import type { Redis } from 'ioredis'
import { BatchReader, type ReadSpec } from '../reader/batch-reader'
import { roleFromClassName } from './role-name'
import { adoptWhenCreated } from './active-runtime'
import type { ReceivedEntry } from '../reader/stream-entry'
import {
  RECENT_FINALS,
  type AgentContext,
  type AgentStatus,
  type FinalEnvelopeTotals,
  type LifecycleEvent,
  type LifecycleEventName,
} from '../control/lifecycle'
import { isConnectionError, sleep, withDeadline } from './async-utils'
import { ClaimKeeper } from '../claims/keep-claimed'
import { execTransaction, Transaction, type TransactionOutcome } from '../hop/transaction'

export type { ReadSpec } from '../reader/batch-reader'
/**
 * What one hop writes, queued into the batch's MULTI. It answers 'acked' when
 * its own writes include the XACK of the entry; otherwise the base adds it.
 */
export type HopWrite = (tx: Transaction, entry: ReceivedEntry) => 'acked' | void

/**
 * Batches up to this size ride ahead of the next read on the reader's own
 * connection (one socket write a hop: light traffic gets the lowest latency).
 * Bigger ones go on the shared command connection, where Redis executes them
 * while the next batch is already being read and handled (throughput).
 */
export const CARRY_MAX_ENTRIES = 8

/** Bound of stop(): in-flight work gets this long. */
export const STOP_BOUND_MS = 2_000
const MAX_BACKOFF_MS = 5_000

/**
 * The loop every agent shares (envelope agents of seed 001 and flat-field
 * agents of seed 000): blocking batched reads on its own connection, the
 * batch handled concurrently, one MULTI per batch with every hop's writes and
 * XACKs. While a batch is being handled nothing is read (backpressure).
 */
export abstract class StreamAgent extends EventEmitter {
  readonly role: string
  agentId = ''
  status: AgentStatus = 'stopped'
  runs = 0
  totalTimeSec = 0
  startedTs = 0
  readonly finals: FinalEnvelopeTotals = { count: 0, age_sum: 0, time_sum: 0, steps_sum: 0, recent: [] }
  protected ctx!: AgentContext
  private reader: BatchReader | null = null
  private closing = false
  private abandon = false
  private paused = false
  private resumeWaiter: (() => void) | null = null
  private loopDone: Promise<void> = Promise.resolve()
  private writeChain: Promise<void> = Promise.resolve()
  private stopping: Promise<void> | null = null
  private keeper: ClaimKeeper | null = null

  constructor(role?: string) {
    super()
    this.role = role ?? roleFromClassName(new.target.name)
    adoptWhenCreated(this)
  }

  /** The (group, streams) this instance reads; computed once its agent id is known. */
  abstract readSpecs(): ReadSpec[]
  /** Inputs shared by every instance of the role: the sweeper claims and trims these. */
  abstract sharedInputs(): Array<{ stream: string; group: string }>
  /** Runs once the loop has ended and its writes are done (cleanup of the instance's own keys). */
  protected async afterStop(): Promise<void> {}
  /** Handles one entry; the answer is queued into the batch's MULTI. null leaves it pending. */
  protected abstract handle(entry: ReceivedEntry): Promise<HopWrite | null>

  get busy(): boolean {
    return this.status === 'busy'
  }

  async start(ctx: AgentContext): Promise<void> {
    this.ctx = ctx
    this.agentId ||= ctx.nextAgentId()
    this.closing = false
    this.abandon = false
    this.stopping = null
    this.status = 'starting'
    this.startedTs = Date.now() / 1000
    for (const spec of this.readSpecs()) {
      for (const stream of spec.streams) await ensureGroup(ctx.commands, stream, spec.group)
    }
    this.reader = new BatchReader(ctx.createBlockingClient(), ctx.commands, () => this.agentId, ctx.options)
    await this.reader.open()
    this.keeper?.stop()
    this.keeper = new ClaimKeeper(() => ctx.commands, () => this.agentId, ctx.options.claimIdleMs)
    this.status = 'idle'
    this.lifecycle('init')
    this.loopDone = this.loop()
  }

  /** Stops reading; drain (default) lets the batch in hand finish and be written. */
  stop(options: { drain?: boolean } = {}): Promise<void> {
    this.stopping ??= this.doStop(options.drain ?? true)
    return this.stopping
  }

  /** Stops reading after the batch in hand; a pending BLOCK ends at once (CLIENT UNBLOCK, nothing is lost). */
  pause(): void {
    this.paused = true
    this.reader?.interrupt()
  }

  /** Ends a pending BLOCK so the loop reads its own stream at once (the doorbell rings on a direct message). */
  wake(): void {
    this.reader?.interrupt(true)
  }

  resume(): void {
    this.paused = false
    if (this.status === 'paused') this.status = 'idle'
    this.resumeWaiter?.()
  }

  /** Seed 001's reload: subclasses re-read their configuration. */
  reload(): void {
    this.lifecycle('reload')
  }

  /** Entries the sweeper claimed for this instance: same path as a read batch. */
  async processClaimed(entries: ReceivedEntry[]): Promise<void> {
    if (this.closing || entries.length === 0) return
    this.flush(await this.processBatch(entries))
    await this.writeChain
  }

  heartbeatEvent(event: LifecycleEventName): LifecycleEvent {
    return {
      kind: 'status',
      event,
      role: this.role,
      agent_id: this.agentId,
      busy: this.busy,
      ts: Date.now() / 1000,
      host: this.ctx.host,
      pid: this.ctx.pid,
      status: this.status,
      runs: this.runs,
      avg_time: this.runs ? this.totalTimeSec / this.runs : 0,
      started_ts: this.startedTs,
      interval: this.ctx.options.heartbeatIntervalSec,
      envelopes: { ...this.finals, recent: [...this.finals.recent] },
    }
  }

  protected lifecycle(event: LifecycleEventName): void {
    if (this.ctx) this.ctx.emitLifecycle(this.heartbeatEvent(event))
  }

  protected recordRun(durationSec: number): void {
    this.runs += 1
    this.totalTimeSec += durationSec
  }

  protected recordFinal(ageSec: number, timeSec: number, steps: number): void {
    const f = this.finals
    f.count += 1
    f.age_sum += ageSec
    f.time_sum += timeSec
    f.steps_sum += steps
    f.recent.push({ age: ageSec, time: timeSec, steps })
    if (f.recent.length > RECENT_FINALS) f.recent.shift()
  }

  private async loop(): Promise<void> {
    let failures = 0
    // The last batch's writes, sent ahead of the next read on the reader's connection.
    let carry: Transaction | null = null
    while (!this.closing) {
      if (this.paused) {
        carry = this.flush(carry)
        this.status = 'paused'
        await new Promise<void>((resolve) => (this.resumeWaiter = resolve))
        this.resumeWaiter = null
        continue
      }
      let entries: ReceivedEntry[]
      try {
        const sending = carry
        carry = null
        entries = await this.readBatch(sending)
        failures = 0
      } catch (error) {
        if (this.closing) break
        failures += 1
        if (!isConnectionError(error)) this.emit('error', error)
        await sleep(Math.min(50 * 2 ** failures, MAX_BACKOFF_MS))
        continue
      }
      if (entries.length > 0) {
        const writes = await this.processBatch(entries)
        carry = entries.length <= CARRY_MAX_ENTRIES ? writes : this.flush(writes)
      }
    }
    this.flush(carry)
  }

  private async readBatch(carry: Transaction | null): Promise<ReceivedEntry[]> {
    if (!this.reader) {
      this.flush(carry)
      return []
    }
    const { entries, failure } = await this.reader.read(this.readSpecs(), carry, (outcome) => this.trackWrite(outcome))
    if (failure) await this.recoverFromReadError(failure, entries.length > 0)
    return entries
  }

  /** A group deleted under us (operator, FLUSHALL) is created again, from new entries on; other errors surface. */
  private async recoverFromReadError(error: Error, gotEntries: boolean): Promise<void> {
    if (error.message.startsWith('NOGROUP')) {
      for (const spec of this.readSpecs()) {
        for (const stream of spec.streams) await ensureGroup(this.ctx.commands, stream, spec.group, '$')
      }
      return
    }
    if (!gotEntries) throw error
    this.emit('error', error)
  }

  /**
   * Handles a batch and answers its writes (every hop's outputs and XACKs) as
   * one transaction, not sent yet: the loop sends it ahead of its next read.
   */
  private async processBatch(entries: ReceivedEntry[]): Promise<Transaction | null> {
    if (!this.paused) this.status = 'busy'
    this.keeper?.track(entries)
    const writes = await Promise.all(entries.map((entry) => this.safeHandle(entry)))
    this.keeper?.release(entries)
    if (this.status === 'busy') this.status = this.paused ? 'paused' : 'idle'
    if (this.abandon) return null // stopped without drain: entries stay pending and are claimed later
    const tx = new Transaction()
    entries.forEach((entry, index) => {
      const write = writes[index]
      if (write && write(tx, entry) !== 'acked') tx.xack(entry.stream, entry.group, entry.id)
    })
    return tx.size > 0 ? tx : null
  }

  /** Sends writes on the shared command connection (claimed batches, and the last batch when the loop ends). */
  private flush(tx: Transaction | null): null {
    if (tx && this.ctx) {
      const previous = this.writeChain
      // After the writes already on their way, so one agent's batches land in order.
      this.trackWrite(previous.then(() => execTransaction(this.ctx.commands, tx)))
    }
    return null
  }

  /** writeChain settles once every write sent so far has. */
  private trackWrite(outcome: Promise<TransactionOutcome>): void {
    const previous = this.writeChain
    const handled = outcome.then(
      (errors) => {
        for (const error of errors) if (error) this.emit('error', error)
      },
      (error: unknown) => {
        // The entries stay pending; the sweeper claims them again.
        if (!isConnectionError(error)) this.emit('error', error)
      },
    )
    this.writeChain = previous.then(() => handled)
  }

  private async safeHandle(entry: ReceivedEntry): Promise<HopWrite | null> {
    try {
      return await this.handle(entry)
    } catch (error) {
      this.emit('error', error)
      return null
    }
  }

  private async doStop(drain: boolean): Promise<void> {
    this.closing = true
    this.abandon = !drain
    this.status = 'stopping'
    this.resumeWaiter?.()
    this.reader?.interrupt()
    if (!drain) this.reader?.abort()
    await withDeadline(this.loopDone, STOP_BOUND_MS, () => undefined).catch(() => undefined)
    await withDeadline(this.writeChain, STOP_BOUND_MS, () => undefined).catch(() => undefined)
    this.reader?.close()
    this.reader = null
    this.keeper?.stop()
    if (drain) await withDeadline(this.afterStop(), STOP_BOUND_MS, () => undefined).catch(() => undefined)
    this.status = 'stopped'
    this.lifecycle('exit')
  }
}

/**
 * XGROUP CREATE with MKSTREAM, by default at 0: entries added before the first
 * agent of the role started are served too.
 */
export async function ensureGroup(redis: Redis, stream: string, group: string, startId = '0'): Promise<void> {
  try {
    await redis.xgroup('CREATE', stream, group, startId, 'MKSTREAM')
  } catch (error) {
    if (!(error instanceof Error && error.message.startsWith('BUSYGROUP'))) throw error
  }
}
