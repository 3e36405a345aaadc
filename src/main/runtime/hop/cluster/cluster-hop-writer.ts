// The hop writer of an agent on a Cluster: each hop carried out slot by slot, as soon as it is finished.
import type { Cluster } from 'ioredis'
import type { ReceivedEntry } from '../../reader/stream-entry'
import { isConnectionError } from '../../core/async-utils'
import type { HopWrite } from '../hop-writer'
import { Transaction, type TransactionOutcome } from '../transaction'
import { deadLetterOnCluster } from './cluster-dead-letter'
import { flatHopOnCluster } from './cluster-flat'
import { hopOnCluster } from './cluster-hop'
import { intentsOf, type HopIntent } from './hop-intents'
import { evalInSlot } from './slot-commands'

/**
 * HopWriter's counterpart on a Cluster: no MULTI (its keys live in several
 * slots) and nothing carried ahead of a read (each stream is read on a
 * connection of its own). Each hop runs its steps in order — delivery under
 * a marker, journal, XACK last — concurrently with other hops. A hop that
 * fails part way leaves its entry pending: whoever runs it again delivers
 * nothing twice (the markers).
 */
export class ClusterHopWriter {
  private readonly inFlight = new Set<Promise<void>>()

  constructor(
    private readonly commands: () => Cluster | null,
    private readonly onError: (error: unknown) => void,
  ) {}

  add(write: HopWrite, entry: ReceivedEntry): void {
    const cluster = this.commands()
    if (!cluster) return
    const intents = intentsOf(write, entry)
    const done = (intents ? this.runIntents(cluster, intents, entry) : this.replay(cluster, write, entry)).catch((error: unknown) => {
      if (!isConnectionError(error)) this.onError(error)
    })
    this.inFlight.add(done)
    void done.finally(() => this.inFlight.delete(done))
  }

  /** Nothing rides ahead of a read on a Cluster. */
  takeCarry(): Transaction | null {
    return null
  }

  /** Hops are sent as they come: nothing waits to be flushed. */
  flush(): void {}

  track(outcome: Promise<TransactionOutcome>): void {
    void outcome.catch(() => undefined)
  }

  async settled(): Promise<void> {
    await Promise.all([...this.inFlight])
  }

  private async runIntents(cluster: Cluster, intents: HopIntent[], entry: ReceivedEntry): Promise<void> {
    let pending = true
    for (const intent of intents) {
      if (intent.kind === 'hop') pending = await hopOnCluster(cluster, intent.hop, intent.journalMaxLen, this.onError)
      else if (intent.kind === 'flat') pending = await flatHopOnCluster(cluster, entry, intent.outputs, intent.consumer)
      else if (intent.kind === 'dead-letter') await deadLetterOnCluster(cluster, { entry, consumer: intent.consumer, reason: intent.reason, kind: intent.deadLetter })
    }
    // Records made beside the hop (a violation), once the hop itself went through.
    if (pending) for (const intent of intents) if (intent.kind === 'command') await cluster.call(intent.name, intent.args)
  }

  /** A write with no description (a user's own): its commands one by one, each on its own key's slot; the XACK last. */
  private async replay(cluster: Cluster, write: HopWrite, entry: ReceivedEntry): Promise<void> {
    const tx = new Transaction()
    if (write(tx, entry) !== 'acked') tx.xack(entry.stream, entry.group, entry.id)
    for (const command of tx.commands) {
      if (command.script) {
        const [, count, ...rest] = command.args
        const keys = rest.slice(0, Number(count)).map(String)
        await evalInSlot(cluster, command.script, keys, rest.slice(Number(count)))
      } else {
        await cluster.call(command.name, command.args)
      }
    }
  }
}
