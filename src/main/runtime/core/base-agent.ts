// Seed 001's envelope agent: process() an envelope, then route, trace and guard it.
import { resultListOf, type Envelope, type PayloadError } from '@shared/envelope'
import { agentGroup, agentStream, isInternalKey, roleGroup, roleStream, VIOLATIONS_STREAM } from '@shared/keys'
import { violationFields } from '@shared/records'
import { DEFAULT_TASK_TIMEOUT_SEC, DeadlineError, entryTimeoutSec, lazyProcessContext, withDeadline, type ProcessContext } from './async-utils'
import { deleteDrainedStream } from '../claims/agent-stream-cleanup'
import { deadLetterWrite } from '../hop/dead-letter'
import { decodeEntryEnvelope } from '../reader/envelope-decode'
import { addHop, type JournalHop } from '../hop/journal'
import { deadLetterHop, withIntents } from '../hop/cluster/hop-intents'
import { checkSafetyLimits, type SafetyViolation } from '../hop/safety'
import type { ReceivedEntry } from '../reader/stream-entry'
import { StreamAgent, type HopWrite, type ReadSpec } from './stream-agent'
import { AGENT_KIND, type AgentKind } from './agent-brand'
import { runtimeEvents } from '../stats/hop-events'

export { DEFAULT_TASK_TIMEOUT_SEC } from './async-utils'
/** Result lists nobody reads expire after this long. */
export const RESULT_TTL_SEC = 24 * 3600
/** Approximate cap of the violations stream. */
export const VIOLATIONS_MAXLEN = 10_000
/** Roles that mean "the caller outside": their envelopes go to the result list. */
const EXTERNAL_ROLES = new Set(['', 'external'])
/** Seconds since the epoch with sub-millisecond resolution, for trace timings. */
const preciseNowSec = (): number => (performance.timeOrigin + performance.now()) / 1000

/**
 * Seed 001's BaseAgent: a subclass writes only process(env). The base reads
 * its role stream and its own agent stream, validates, applies the safety
 * limits, times out process(), keeps the trace and errors, routes the result
 * back to the sender by default, and journals every hop.
 */
export abstract class BaseAgent extends StreamAgent {
  static readonly [AGENT_KIND]: AgentKind = 'envelope'
  taskTimeoutSec = DEFAULT_TASK_TIMEOUT_SEC

  /** `signal` fires at the entry's timeout (or when the agent gives its work up): stop working then. */
  abstract process(env: Envelope, context: ProcessContext): Promise<Envelope> | Envelope

  readSpecs(): ReadSpec[] {
    return [
      { group: agentGroup(this.agentId), streams: [agentStream(this.agentId)] },
      { group: roleGroup(this.role), streams: [roleStream(this.role)] },
    ]
  }

  sharedInputs(): Array<{ stream: string; group: string }> {
    return [{ stream: roleStream(this.role), group: roleGroup(this.role) }]
  }

  /** The agent's own stream goes when drained; one left with messages is claimed once the agent is dead. */
  protected override async afterStop(): Promise<void> {
    await deleteDrainedStream(this.ctx.commands, agentStream(this.agentId))
  }

  protected async handle(entry: ReceivedEntry, agentSignal: AbortSignal): Promise<HopWrite> {
    const decoded = decodeEntryEnvelope(entry.fields, this.ctx.options.maxEnvelopeBytes)
    if (!decoded.ok) return deadLetterHop(deadLetterWrite, this.agentId, decoded.reason, 'undecodable')
    const env = decoded.envelope
    // A client that left create_ts out (the seed's own example does) starts the clock at the first hop.
    if (env.create_ts === 0 && env.process_count === 0) env.create_ts = Date.now() / 1000
    const violation = checkSafetyLimits(env, this.ctx.options.safety)
    if (violation) return this.violationWrite(env, violation)

    const startTs = preciseNowSec()
    env.target_role = env.sender_role
    env.target_agent_id = null
    env.target_list = null
    let out = env
    let error: string | null = null
    const timeoutSec = entryTimeoutSec(env.payload.__agent_timeout_sec, this.taskTimeoutSec, this.ctx.options.maxTaskTimeoutSec)
    const timeout = lazyProcessContext(agentSignal)
    try {
      const result = this.process(env, timeout.context)
      // Only a pending answer can overrun the timeout: a synchronous one needs no timer. At the deadline it is abandoned.
      out = isThenable(result)
        ? await withDeadline(Promise.resolve(result), timeoutSec * 1000, () => timeout.abort(new DeadlineError(timeoutSec * 1000)))
        : result
      if (!out || typeof out !== 'object' || !Array.isArray(out.trace) || typeof out.payload !== 'object') {
        throw new TypeError('process() must return the envelope')
      }
    } catch (caught) {
      error =
        caught instanceof DeadlineError
          ? `process() timed out after ${timeoutSec}s`
          : caught instanceof Error
            ? `${caught.name}: ${caught.message}`
            : String(caught)
      pushError(env, { code: `${this.role}.error`, message: error })
      out = env
    }
    const endTs = preciseNowSec()
    const duration = endTs - startTs
    out.trace.push({ start_ts: startTs, role: this.role, agent_id: this.agentId, end_ts: endTs, duration, error })
    out.process_count += 1
    out.total_processing_time += duration
    out.update_ts = endTs
    out.sender_role = this.role
    out.sender_agent_id = this.agentId
    this.recordRun(duration, error !== null)
    return this.routeWrite(out)
  }

  private routeWrite(env: Envelope): HopWrite {
    const json = JSON.stringify(env)
    const { journalMaxLen } = this.ctx.options
    let destination: string
    let toList = false
    if (env.target_list) {
      destination = env.target_list
      toList = true
    } else if (env.target_agent_id) {
      destination = agentStream(env.target_agent_id)
    } else if (env.target_role && !EXTERNAL_ROLES.has(env.target_role)) {
      destination = roleStream(env.target_role)
    } else {
      destination = resultListOf(env)
      toList = true
    }
    if (toList) this.recordFinal(env.create_ts > 0 ? env.update_ts - env.create_ts : 0, env.total_processing_time, env.process_count)
    const failure = invalidTarget(destination)
    const hopFor = (entry: ReceivedEntry): JournalHop => ({ ...this.hopOf(env, entry, destination, toList ? 'list' : 'stream', json), failure })
    const write: HopWrite = (tx, entry) => {
      addHop(tx, hopFor(entry), journalMaxLen)
      return 'acked'
    }
    return withIntents(write, (entry) => [{ kind: 'hop', hop: hopFor(entry), journalMaxLen }])
  }

  private hopOf(env: Envelope, entry: ReceivedEntry, destination: string, delivery: NonNullable<JournalHop['delivery']>, json: string): JournalHop {
    return {
      messageId: env.message_id,
      conversationId: env.conversation_id,
      role: this.role,
      agentId: this.agentId,
      destination,
      delivery,
      envelopeJson: json,
      source: { stream: entry.stream, group: entry.group, id: entry.id },
      resultTtlSec: RESULT_TTL_SEC,
      deliveries: entry.deliveries,
    }
  }

  private violationWrite(env: Envelope, violation: SafetyViolation): HopWrite {
    runtimeEvents.violation(this.role, violation.kind)
    const now = Date.now() / 1000
    env.trace.push({
      start_ts: now,
      role: this.role,
      agent_id: this.agentId,
      end_ts: now,
      duration: 0,
      error: violation.message,
      safety_violation: true,
    })
    pushError(env, { code: `safety.${violation.kind}`, message: violation.message })
    env.kind = 'result'
    env.update_ts = now
    const destination = resultListOf(env)
    const json = JSON.stringify(env)
    const v = violationFields
    const record = [
      v.kind, violation.kind,
      v.message, violation.message,
      v.messageId, env.message_id,
      v.conversationId, env.conversation_id,
      v.role, this.role,
      v.agentId, this.agentId,
      v.processCount, String(env.process_count),
      v.totalProcessingTime, String(env.total_processing_time),
      v.ageSec, String(violation.ageSec),
      v.ts, String(now),
      v.envelope, json,
    ]
    const journalMaxLen = this.ctx.options.journalMaxLen
    const write: HopWrite = (tx, entry) => {
      tx.call('XADD', [VIOLATIONS_STREAM, 'MAXLEN', '~', VIOLATIONS_MAXLEN, '*', ...record])
      addHop(tx, this.hopOf(env, entry, destination, 'list', json), journalMaxLen)
      return 'acked'
    }
    return withIntents(write, (entry) => [
      { kind: 'hop', hop: this.hopOf(env, entry, destination, 'list', json), journalMaxLen },
      { kind: 'command', name: 'XADD', args: [VIOLATIONS_STREAM, 'MAXLEN', '~', VIOLATIONS_MAXLEN, '*', ...record] },
    ])
  }
}

/** A destination no envelope may be written to: the hop dead-letters instead (reason checked before any ack). */
function invalidTarget(destination: string): string | undefined {
  if (destination.trim() === '') return 'invalid target: the destination key is empty'
  if (isInternalKey(destination)) return `invalid target: ${destination} is a Switchyard key`
  return undefined
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
}


export function pushError(env: Envelope, error: PayloadError): void {
  const errors = Array.isArray(env.payload.errors) ? (env.payload.errors as unknown[]) : []
  errors.push(error)
  env.payload.errors = errors
}
