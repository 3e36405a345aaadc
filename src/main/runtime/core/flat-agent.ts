// Seed 000's flat-field agent on top of the stream agent's loop.
import type { ReceivedEntry } from '../reader/stream-entry'
import { deadLetterWrite } from '../hop/dead-letter'
import { addFlatOutputs, type FlatOutput } from '../hop/flat-outputs'
import { deadLetterHop, withIntents } from '../hop/cluster/hop-intents'
import { DEFAULT_TASK_TIMEOUT_SEC, DeadlineError, entryTimeoutSec, lazyProcessContext, withDeadline, type ProcessContext } from './async-utils'
import { StreamAgent, type HopWrite, type ReadSpec } from './stream-agent'
import { AGENT_KIND, type AgentKind } from './agent-brand'
import { MAX_REPORTED_WRITES, type LifecycleEvent, type LifecycleEventName } from '../control/lifecycle'

export type { FlatOutput } from '../hop/flat-outputs'

/**
 * Seed 000's BaseAgent: flat fields in, flat fields out, on fixed stream and
 * group names. Shares the loop, lifecycle, heartbeat and DLQ of StreamAgent.
 */
export abstract class FlatAgent extends StreamAgent {
  static readonly [AGENT_KIND]: AgentKind = 'flat'
  abstract readonly inputs: string[]
  abstract readonly group: string
  /** Fields an entry must carry; one missing sends it to the dead-letter stream. */
  protected readonly requiredFields: string[] = []
  /** Streams written to, reported in heartbeats: flat hops keep no journal, so the graph learns its edges here. */
  private readonly written = new Set<string>()

  override heartbeatEvent(event: LifecycleEventName): LifecycleEvent {
    return { ...super.heartbeatEvent(event), writes: [...this.written] }
  }

  /** Seconds processFields() may take (the runtime's cap applies); then it is abandoned and the entry dead-lettered. */
  taskTimeoutSec = DEFAULT_TASK_TIMEOUT_SEC

  /** `signal` fires at the timeout (or when the agent gives its work up): stop working then. */
  abstract processFields(entry: ReceivedEntry, context: ProcessContext): Promise<FlatOutput[]> | FlatOutput[]

  readSpecs(): ReadSpec[] {
    return [{ group: this.group, streams: this.inputs }]
  }

  sharedInputs(): Array<{ stream: string; group: string }> {
    return this.inputs.map((stream) => ({ stream, group: this.group }))
  }

  protected async handle(entry: ReceivedEntry, agentSignal: AbortSignal): Promise<HopWrite> {
    const missing = this.requiredFields.filter((name) => entry.fields[name] === undefined)
    if (missing.length > 0) {
      const reason = `missing field${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`
      return deadLetterHop(deadLetterWrite, this.agentId, reason, 'undecodable')
    }
    const start = performance.now()
    let outputs: FlatOutput[]
    const timeoutSec = entryTimeoutSec(undefined, this.taskTimeoutSec, this.ctx.options.maxTaskTimeoutSec)
    const timeout = lazyProcessContext(agentSignal)
    try {
      const result = this.processFields(entry, timeout.context)
      // A synchronous answer needs no timer (most of seed 000's agents).
      outputs = Array.isArray(result) ? result : await withDeadline(Promise.resolve(result), timeoutSec * 1000, () =>
        timeout.abort(new DeadlineError(timeoutSec * 1000)),
      )
    } catch (caught) {
      const error = caught instanceof DeadlineError ? new Error(`processFields() timed out after ${timeoutSec}s`) : caught
      const reason = `processing failed: ${error instanceof Error ? error.message : String(error)}`
      return deadLetterHop(deadLetterWrite, this.agentId, reason, 'failed')
    }
    this.recordRun((performance.now() - start) / 1000)
    for (const out of outputs) if (this.written.size < MAX_REPORTED_WRITES) this.written.add(out.stream)
    const write: HopWrite = (tx, received) => {
      addFlatOutputs(tx, received, outputs, this.agentId)
      return 'acked'
    }
    return withIntents(write, () => [{ kind: 'flat', outputs, consumer: this.agentId }])
  }
}
