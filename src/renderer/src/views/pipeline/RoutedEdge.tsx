import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react'
import { labelPoint } from './edge-label'
import type { Point } from './layout-graph'
import type { RoutedFlowEdge } from './to-flow-elements'

/** An edge along ELK's orthogonal route (loops and back edges keep their own path), with its figures. */
export function RoutedEdge({ id, data, markerEnd, style, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition }: EdgeProps<RoutedFlowEdge>) {
  const points = data?.points ?? []
  let path: string
  let label: Point
  if (points.length >= 2) {
    path = points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' ')
    label = labelPoint(points, data?.labelAt ?? null)
  } else {
    const [bezier, x, y] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })
    path = bezier
    label = { x, y }
  }
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />
      <EdgeLabelRenderer>
        <div
          className={`op-edge-label op-level-${data?.level ?? 'ok'}`}
          style={{ transform: `translate(-50%, -50%) translate(${label.x}px, ${label.y}px)` }}
          data-testid={`edge-label-${id}`}
          data-level={data?.level}
        >
          <span data-testid="edge-rate">{data?.rate}</span>
          {data?.group ? <span className="op-edge-group" data-testid="edge-group">{data.group}</span> : null}
        </div>
      </EdgeLabelRenderer>
    </>
  )
}
