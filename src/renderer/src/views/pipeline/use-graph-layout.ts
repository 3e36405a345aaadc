import { useEffect, useMemo, useState } from 'react'
import type { GraphEdge, GraphNode } from '@shared/api'
import { layoutEngine } from './elk-in-worker'
import { layoutGraph, type GraphLayout } from './layout-graph'
import { pipelineGroups } from './pipeline-groups'

const EMPTY: GraphLayout = { nodes: new Map(), groups: [], edges: new Map(), labels: new Map() }

/**
 * Lays the graph out again only when its shape (structureKey) changes; live
 * counts reuse the layout. ELK answers asynchronously: a stale answer is dropped.
 */
export function useGraphLayout(nodes: readonly GraphNode[], edges: readonly GraphEdge[], structureKey: string, pipelineOfRole: ReadonlyMap<string, string>) {
  const [layout, setLayout] = useState<{ key: string; layout: GraphLayout }>({ key: '', layout: EMPTY })
  const [error, setError] = useState<string | null>(null)
  const roleKey = [...pipelineOfRole].join('|')
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const groups = useMemo(() => pipelineGroups(nodes, edges, pipelineOfRole), [structureKey, roleKey])
  useEffect(() => {
    let current = true
    const key = `${structureKey}@${roleKey}`
    layoutEngine().then((elk) => layoutGraph(elk, nodes, edges, groups)).then(
      (next) => current && (setLayout({ key, layout: next }), setError(null)),
      (err: unknown) => current && setError(`Layout failed: ${err instanceof Error ? err.message : String(err)}`),
    )
    return () => {
      current = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [groups])
  return { layout: layout.layout, layoutKey: layout.key, groups, error }
}
