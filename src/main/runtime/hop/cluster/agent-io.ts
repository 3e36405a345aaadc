// Chooses an agent's reader and hop writer: the single-server ones, or the Cluster's.
import type { Cluster, Redis } from 'ioredis'
import { isCluster, type RedisClient } from '../../../redis/client-type'
import { BatchReader, type ReadSpec } from '../../reader/batch-reader'
import type { ReceivedEntry } from '../../reader/stream-entry'
import { HopWriter, type HopWrite } from '../hop-writer'
import type { Transaction, TransactionOutcome } from '../transaction'
import { ClusterHopWriter } from './cluster-hop-writer'
import { ClusterReader } from './cluster-reader'

/** What an agent's loop needs of its reader (BatchReader or ClusterReader). */
export interface AgentReader {
  open(): Promise<void>
  interrupt(pollOthers?: boolean): void
  close(): void
  abort(): void
  read(
    all: ReadSpec[],
    carry: Transaction | null,
    onSent: (outcome: Promise<TransactionOutcome>) => void,
    count?: number,
  ): Promise<{ entries: ReceivedEntry[]; failure: Error | null }>
}

/** What an agent's loop needs of its hop writer (HopWriter or ClusterHopWriter). */
export interface AgentWriter {
  add(write: HopWrite, entry: ReceivedEntry): void
  takeCarry(): Transaction | null
  track(outcome: Promise<TransactionOutcome>): void
  flush(): void
  settled(): Promise<void>
}

export interface AgentIoParts {
  commands: RedisClient
  createBlockingClient(): RedisClient
  consumer: () => string
  options: { batchSize: number; blockMs: number }
}

export function createAgentReader(parts: AgentIoParts): AgentReader {
  if (isCluster(parts.commands)) {
    return new ClusterReader(() => parts.createBlockingClient() as Cluster, parts.commands, parts.consumer, parts.options)
  }
  return new BatchReader(parts.createBlockingClient() as Redis, parts.commands, parts.consumer, parts.options)
}

export function createAgentWriter(commands: () => RedisClient | null, onError: (error: unknown) => void): AgentWriter {
  const current = commands()
  if (current && isCluster(current)) return new ClusterHopWriter(() => commands() as Cluster | null, onError)
  return new HopWriter(() => commands() as Redis | null, onError)
}
