import type { Envelope } from '../envelope'
import type {
  AgentInfo,
  ClusterNodes,
  ConnectionStatus,
  DeadLetter,
  PendingPage,
  RecentResults,
  SavedConnection,
  StatsPoint,
  StreamPage,
  TopologySnapshot,
  Trace,
  Violation,
} from './models'
import type { Method } from './requests'

export interface RoleDescription {
  /** A built-in RuntimeRole, or a role of the user's agents module. */
  role: string
  /** 'user': a class of the agents module (SWITCHYARD_AGENTS_MODULE / the Agents view's field). */
  pipeline: 'demo' | 'doc-review' | 'system' | 'user'
  description: string
}

/** The agents module of the app's runtime and what came of loading it. */
export interface AgentsModuleStatus {
  /** null: none chosen. */
  path: string | null
  /** Where the path came from: the Agents view's field (remembered) or SWITCHYARD_AGENTS_MODULE. */
  source: 'setting' | 'env' | null
  /** Roles it exports (running here once loaded). */
  roles: string[]
  /** Why it did not load, naming the file and the export. */
  error: string | null
}

export interface InjectTemplate {
  id: string
  name: string
  description: string
  /** An envelope to a role or agent stream… */
  envelope?: { target: { kind: 'role' | 'agent'; name: string }; payload: Record<string, unknown> }
  /** …or raw flat fields to a stream (seed 000). */
  raw?: { stream: string; fields: Record<string, string> }
}

export interface AuditEntry {
  id: string
  ts: number
  action: string
  connection: string
  details: Record<string, unknown>
}

/** What each request answers. */
export interface ResponseMap {
  'connection.status': ConnectionStatus
  'connection.test': { latencyMs: number; serverVersion: string }
  'connection.connect': ConnectionStatus
  'connection.useEmbedded': ConnectionStatus
  'connection.saved': SavedConnection[]
  'connection.forget': null
  'connection.nodes': ClusterNodes

  'agents.roles': RoleDescription[]
  'agents.list': AgentInfo[]
  'agents.start': AgentInfo[]
  'agents.stop': { stopped: string[] }
  'agents.scale': AgentInfo[]
  'agents.broadcast': { receivers: number }
  'agents.module': AgentsModuleStatus
  'agents.setModule': AgentsModuleStatus
  /** receivers: processes that heard the broadcast; roles/restarted: this app's own reload. */
  'agents.reload': { receivers: number; roles: string[]; restarted: number }

  'topology.snapshot': TopologySnapshot
  'streams.page': StreamPage
  'streams.tail.start': { tailId: string }
  'streams.tail.stop': null
  'streams.add': { ids: string[] }
  'streams.trim': { deleted: number }

  'groups.create': null
  'groups.delete': { deleted: boolean }
  'groups.setId': null
  'consumers.delete': { pendingReleased: number }

  'pending.list': PendingPage
  'pending.claim': { claimed: string[] }
  'pending.claimIdle.preview': { count: number }
  'pending.claimIdle': { claimed: number; deleted: string[] }
  'pending.ack': { acked: number }
  'pending.deadLetter': { moved: number }
  'deadLetters.list': DeadLetter[]
  'deadLetters.replay': { replayed: Array<{ id: string; newId: string }> }
  'audit.list': AuditEntry[]
  'results.recent': RecentResults

  'inject.templates': InjectTemplate[]
  'inject.envelope': { messageIds: string[]; streamIds: string[]; results: Array<Envelope | null> }

  'traces.find': Trace[]
  'traces.watch': Trace | null
  'traces.unwatch': null
  'violations.list': {
    violations: Violation[]
    countsByKind: Record<string, number>
    countsByRole: Record<string, number>
  }
  'stats.series': StatsPoint[]
}

export type ResponseOf<M extends Method> = ResponseMap[M]

// Compile-time check: every method has an answer type and vice versa.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
export const everyMethodAnswered: Exact<Method, keyof ResponseMap> = true
