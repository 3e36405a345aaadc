// Seed 000's flat-field agent on top of the stream agent's loop.
import type { ReceivedEntry } from '../reader/stream-entry'
import { deadLetterWrite } from '../hop/dead-letter'
import { addFlatOutputs, type FlatOutput } from '../hop/flat-outputs'
import { StreamAgent, type HopWrite, type ReadSpec } from './stream-agent'
import { AGENT_KIND, type AgentKind } from './agent-brand'

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

  abstract processFields(entry: ReceivedEntry): Promise<FlatOutput[]> | FlatOutput[]

  readSpecs(): ReadSpec[] {
    return [{ group: this.group, streams: this.inputs }]
  }

  sharedInputs(): Array<{ stream: string; group: string }> {
    return this.inputs.map((stream) => ({ stream, group: this.group }))
  }

  protected async handle(entry: ReceivedEntry): Promise<HopWrite> {
    const missing = this.requiredFields.filter((name) => entry.fields[name] === undefined)
    if (missing.length > 0) {
      const reason = `missing field${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`
      return deadLetterWrite(this.agentId, reason, 'undecodable')
    }
    const start = performance.now()
    let outputs: FlatOutput[]
    try {
      outputs = await this.processFields(entry)
    } catch (error) {
      const reason = `processing failed: ${error instanceof Error ? error.message : String(error)}`
      return deadLetterWrite(this.agentId, reason, 'failed')
    }
    this.recordRun((performance.now() - start) / 1000)
    return (tx, received) => {
      addFlatOutputs(tx, received, outputs, this.agentId)
      return 'acked'
    }
  }
}
