// The read–process–write loop every agent runs, with its lifecycle.
import type { ReadSpec } from '../reader/batch-reader'
import { adoptWhenCreated } from './active-runtime'
import { ensureGroups } from '../reader/ensure-group'
import type { ReceivedEntry } from '../reader/stream-entry'
import type { AgentContext } from '../control/lifecycle'
import { AgentState } from './agent-state'
import { isConnectionError, sleep, withDeadline } from './async-utils'
import { ClaimKeeper } from '../claims/keep-claimed'
import type { HopWrite } from '../hop/hop-writer'
import { deadLetterWrite } from '../hop/dead-letter'
import { createAgentReader, createAgentWriter, type AgentReader, type AgentWriter } from '../hop/cluster/agent-io'
import { deadLetterHop } from '../hop/cluster/hop-intents'
import { Slots } from './slots'

export type { ReadSpec } from '../reader/batch-reader'
export type { HopWrite } from '../hop/hop-writer'

/** Bound of stop(): in-flight work gets this long, then the read is cut and the rest is left pending. */
export const STOP_BOUND_MS = 2_000
/** A handler still running this long past the timeout cap is abandoned: its entry stays pending (claimed again, then dead-lettered). */
export const HANDLE_GRACE_MS = 5_000
const MAX_BACKOFF_MS = 5_000
const RUNNING = Symbol('still running')
const STILL_RUNNING = Promise.resolve(RUNNING)

/**
 * The loop every agent shares (envelope agents of seed 001 and flat-field
 * agents of seed 000): blocking reads on its own connection into bounded
 * concurrency slots; each entry's hop is written when it finishes (hop
 * writer), and reading goes on while slots are free. The lifecycle is one
 * state machine: one loop (`running`), a start while running is a no-op, a
 * start after a stop awaits the old loop, and stop ends the loop for real.
 */
export abstract class StreamAgent extends AgentState {
  private reader: AgentReader | null = null
  private closing = false
  private abandon = false
  private paused = false
  private resumeWaiter: (() => void) | null = null
  private running: Promise<void> | null = null // the one read loop
  private starting: Promise<void> | null = null
  private stopping: Promise<void> | null = null
  private keeper: ClaimKeeper | null = null
  private slots: Slots | null = null
  private writer: AgentWriter | null = null
  /** Aborted when the agent gives up its in-flight work (stop without drain, or past the stop bound). */
  private giveUp = new AbortController()
  private loopsNow = 0

  constructor(role?: string) {
    super(role)
    // Seed 001's zero-config path: created while a runtime runs, the agent starts there.
    adoptWhenCreated(this)
  }

  /** The (group, streams) this instance reads; computed once its agent id is known. */
  abstract readSpecs(): ReadSpec[]
  /** Inputs shared by every instance of the role: the sweeper claims and trims these. */
  abstract sharedInputs(): Array<{ stream: string; group: string }>
  /** Cleanup of the instance's own keys, once the loop has ended and its writes are done. */
  protected async afterStop(): Promise<void> {}
  /** Handles one entry; the answer is written as its hop. null leaves it pending. `signal` fires when the agent gives up. */
  protected abstract handle(entry: ReceivedEntry, signal: AbortSignal): Promise<HopWrite | null>

  /** Read loops of this instance running now: 0 or 1 (tests check there is never a second). */
  get readLoopsRunning(): number {
    return this.loopsNow
  }

  /** A start while starting or running is a no-op; a start during a stop waits for the stop to end. */
  start(ctx: AgentContext): Promise<void> {
    if (this.running && !this.stopping) return this.starting ?? Promise.resolve()
    this.starting ??= this.doStart(ctx).finally(() => (this.starting = null))
    return this.starting
  }

  /** Stops reading; drain (default) lets the entries in hand finish (within STOP_BOUND_MS) and be written. */
  stop(options: { drain?: boolean } = {}): Promise<void> {
    this.stopping ??= this.doStop(options.drain ?? true)
    return this.stopping
  }

  /** Stops reading; entries in hand finish. A pending BLOCK ends at once (CLIENT UNBLOCK, nothing is lost). */
  pause(): void {
    this.paused = true
    this.slots?.wake()
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

  /** Entries the sweeper claimed for this instance: same path as read ones. */
  async processClaimed(entries: ReceivedEntry[]): Promise<void> {
    const slots = this.slots
    if (this.closing || !slots || entries.length === 0) return
    await Promise.all(entries.map((entry) => new Promise<void>((resolve) => slots.run(() => this.runEntry(entry).finally(resolve)))))
    await this.writer?.settled()
  }

  private async doStart(ctx: AgentContext): Promise<void> {
    await this.stopping?.catch(() => undefined)
    await this.running?.catch(() => undefined)
    this.ctx = ctx
    this.agentId ||= ctx.nextAgentId()
    this.closing = false
    this.abandon = false
    this.stopping = null
    this.giveUp = new AbortController()
    this.status = 'starting'
    this.startedTs = Date.now() / 1000
    await ensureGroups(ctx.commands, this.readSpecs())
    this.reader = createAgentReader({ commands: ctx.commands, createBlockingClient: () => ctx.createBlockingClient(), consumer: () => this.agentId, options: ctx.options })
    await this.reader.open()
    this.keeper?.stop()
    // Never renewed past the point where the handler itself is given up (HANDLE_GRACE_MS after the cap).
    const maxHoldMs = ctx.options.maxTaskTimeoutSec * 1000 + HANDLE_GRACE_MS
    this.keeper = new ClaimKeeper(() => ctx.commands, () => this.agentId, ctx.options.claimIdleMs, maxHoldMs)
    this.slots = new Slots(Math.max(1, ctx.options.concurrency))
    this.writer = createAgentWriter(() => this.ctx.commands, (error) => this.emit('error', error))
    this.status = 'idle'
    this.lifecycle('init')
    this.loopsNow += 1
    this.running = this.readLoop().finally(() => (this.loopsNow -= 1))
  }

  private async readLoop(): Promise<void> {
    let failures = 0
    const slots = this.slots as Slots
    while (!this.closing) {
      if (this.paused) {
        this.writer?.flush()
        this.status = 'paused'
        await new Promise<void>((resolve) => (this.resumeWaiter = resolve))
        this.resumeWaiter = null
        continue
      }
      await slots.waitForFree()
      if (this.closing || this.paused || slots.free === 0) continue
      let entries: ReceivedEntry[]
      try {
        entries = await this.readBatch(slots.free)
        failures = 0
      } catch (error) {
        if (this.closing) break
        failures += 1
        if (!isConnectionError(error)) this.emit('error', error)
        await sleep(Math.min(50 * 2 ** failures, MAX_BACKOFF_MS))
        continue
      }
      for (const entry of entries) slots.run(() => this.runEntry(entry))
      // Hops done within this turn (most are) ride ahead of the next read: one socket write a hop.
      if (entries.length > 0) await new Promise<void>((resolve) => setImmediate(resolve))
    }
    this.writer?.flush()
  }

  private async readBatch(count: number): Promise<ReceivedEntry[]> {
    const { reader, writer } = this
    if (!reader || !writer) return []
    const { entries, failure } = await reader.read(this.readSpecs(), writer.takeCarry(), (sent) => writer.track(sent), count)
    if (failure) await this.recoverFromReadError(failure, entries.length > 0)
    return entries
  }

  /** A group deleted under us (operator, FLUSHALL) is created again, from new entries on; other errors surface. */
  private async recoverFromReadError(error: Error, gotEntries: boolean): Promise<void> {
    if (error.message.startsWith('NOGROUP')) return ensureGroups(this.ctx.commands, this.readSpecs(), '$')
    if (!gotEntries) throw error
    this.emit('error', error)
  }

  /** One entry in its slot: kept claimed while it runs, its hop written the moment it is done. */
  private async runEntry(entry: ReceivedEntry): Promise<void> {
    if (!this.paused) this.status = 'busy'
    this.keeper?.track(entry)
    let write: HopWrite | null
    try {
      write = await this.safeHandle(entry)
    } finally {
      this.keeper?.release(entry)
      if (this.status === 'busy' && (this.slots?.busy ?? 0) <= 1) this.status = this.paused ? 'paused' : 'idle'
    }
    // Given up (stop without drain, or past the stop bound): the entry stays pending and is claimed later.
    if (write && !this.abandon) this.writer?.add(write, entry)
  }

  private async safeHandle(entry: ReceivedEntry): Promise<HopWrite | null> {
    if (entry.undecodable) return deadLetterHop(deadLetterWrite, this.agentId, entry.undecodable, 'undecodable')
    const boundMs = this.ctx.options.maxTaskTimeoutSec * 1000 + HANDLE_GRACE_MS
    try {
      const handled = this.handle(entry, this.giveUp.signal)
      // Most handlers are done within this turn: only one still running gets the (rarely needed) hard bound's timer.
      const first = await Promise.race([handled, STILL_RUNNING])
      return first === RUNNING ? await withDeadline(handled, boundMs, () => undefined) : first
    } catch (error) {
      this.emit('error', error)
      if (error instanceof Error && error.name === 'DeadlineError') return null
      // A handler that throws (not process(): that is caught and answered) would throw again: dead-letter now.
      const reason = `handler failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`
      return deadLetterHop(deadLetterWrite, this.agentId, reason, 'failed')
    }
  }

  private async doStop(drain: boolean): Promise<void> {
    await this.starting?.catch(() => undefined)
    this.closing = true
    this.abandon = !drain
    this.status = 'stopping'
    if (!drain) this.giveUp.abort(new Error('agent stopped without drain'))
    this.resumeWaiter?.()
    this.slots?.wake()
    this.reader?.interrupt()
    if (!drain) this.reader?.abort()
    // The read ends at once after an UNBLOCK; one that did not get it is cut (ioredis rejects it), so the loop really ends.
    const loop = this.running ?? Promise.resolve()
    await withDeadline(loop, STOP_BOUND_MS, () => this.reader?.abort()).catch(() => undefined)
    await loop.catch(() => undefined)
    await withDeadline(this.slots?.idle() ?? Promise.resolve(), STOP_BOUND_MS, () => undefined).catch(() => {
      this.abandon = true
      this.giveUp.abort(new Error('agent stopped: in-flight work took longer than the stop bound'))
    })
    this.writer?.flush()
    await withDeadline(this.writer?.settled() ?? Promise.resolve(), STOP_BOUND_MS, () => undefined).catch(() => undefined)
    this.reader?.close()
    this.reader = null
    this.keeper?.stop()
    if (drain) await withDeadline(this.afterStop(), STOP_BOUND_MS, () => undefined).catch(() => undefined)
    this.running = null
    this.status = 'stopped'
    this.lifecycle('exit')
  }
}
