import type { AgentInfo, GraphEdge, GraphNode } from '@shared/api'
import type { EdgeThresholds } from './topology-graph-store'

export type RoleHealth = 'ok' | 'degraded' | 'down'
export type Level = 'ok' | 'warn' | 'bad'

const RUNNING = new Set<AgentInfo['status']>(['starting', 'idle', 'busy', 'paused'])

const levelOf = (value: number | null | undefined, warn: number, bad: number): Level =>
  value === null || value === undefined ? 'ok' : value >= bad ? 'bad' : value >= warn ? 'warn' : 'ok'
const worst = (a: Level, b: Level): Level => (a === 'bad' || b === 'bad' ? 'bad' : a === 'warn' || b === 'warn' ? 'warn' : 'ok')

/** Plain functions for the graph's colours and words; unit-tested without React. */
export const graphSelectors = {
  /** Running and dead instances of a role on every host (stopped ones are neither). */
  instances(agents: readonly AgentInfo[], role: string): { running: number; dead: number } {
    let running = 0
    let dead = 0
    for (const a of agents) {
      if (a.role !== role) continue
      if (RUNNING.has(a.status)) running += 1
      else if (a.status === 'dead') dead += 1
    }
    return { running, dead }
  },
  /** None running = down (red); some dead beside running ones = degraded (amber). The model's word first. */
  roleHealth(agents: readonly AgentInfo[], role: string, node?: GraphNode): RoleHealth {
    if (node?.health) return node.health
    const { running, dead } = graphSelectors.instances(agents, role)
    if (running === 0) return 'down'
    return dead > 0 ? 'degraded' : 'ok'
  },
  /** A group edge's colour: the worse of its lag and its pending count against the thresholds. */
  edgeLevel(edge: GraphEdge, t: EdgeThresholds): Level {
    if (edge.kind !== 'reads') return 'ok'
    return worst(levelOf(edge.lag, t.lagWarn, t.lagBad), levelOf(edge.pending, t.pendingWarn, t.pendingBad))
  },
  /** Always a figure: an idle edge says 0/s rather than nothing. */
  rateText(perSec: number): string {
    if (!(perSec > 0)) return '0/s'
    return perSec >= 100 ? `${Math.round(perSec)}/s` : perSec >= 10 ? `${perSec.toFixed(0)}/s` : `${perSec.toFixed(1)}/s`
  },
  groupText(edge: GraphEdge): string | null {
    if (edge.kind !== 'reads') return null
    const lag = edge.lag === null || edge.lag === undefined ? 'lag ?' : `lag ${edge.lag}`
    return `${lag} · ${edge.pending ?? 0} pending`
  },
  plural(n: number, one: string, many = `${one}s`): string {
    return `${n.toLocaleString()} ${n === 1 ? one : many}`
  },
  /** The figure under a node's name, in words that agree with the number. */
  nodeFigure(node: GraphNode, agents: readonly AgentInfo[]): string {
    if (node.kind === 'role') {
      const counted = graphSelectors.instances(agents, node.label)
      const running = node.running ?? counted.running
      const dead = node.dead ?? counted.dead
      return `${running} running${dead ? ` · ${dead} dead` : ''}`
    }
    if (node.kind === 'stream') return graphSelectors.plural(node.count, 'entry', 'entries')
    // The model counts result lists with a capped SCAN: "≈" when it stopped early.
    if (node.kind === 'list') return `${node.countEstimated ? '≈ ' : ''}${graphSelectors.plural(node.count, 'result list')}`
    return node.kind === 'external' ? 'outside callers' : graphSelectors.plural(node.count, 'agent')
  },
  /** Streams a role reads and the groups it reads them through (for "open Pending"). */
  readsOf(edges: readonly GraphEdge[], nodes: readonly GraphNode[], nodeId: string): Array<{ stream: string; group: string }> {
    const label = new Map(nodes.map((n) => [n.id, n.label]))
    return edges
      .filter((e) => e.kind === 'reads' && e.target === nodeId && e.group)
      .flatMap((e) => (e.group ?? '').split(', ').map((group) => ({ stream: label.get(e.source) ?? e.source, group })))
  },
}
