import type { Point } from './layout-graph'

/** The point halfway along a polyline: where the label sits. */
export function midpoint(points: readonly Point[]): Point {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - (points[i]?.x ?? 0), p.y - (points[i]?.y ?? 0)))
  let rest = lengths.reduce((a, b) => a + b, 0) / 2
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i] ?? 0
    const a = points[i] as Point
    const b = points[i + 1] as Point
    if (rest <= len && len > 0) return { x: a.x + ((b.x - a.x) * rest) / len, y: a.y + ((b.y - a.y) * rest) / len }
    rest -= len
  }
  return points[0] ?? { x: 0, y: 0 }
}

/**
 * Where the figures go: ELK's label place when it lies on the route (it kept
 * room there), else the middle of the route's longest segment.
 */
export function labelPoint(points: readonly Point[], placed: Point | null): Point {
  const xs = points.map((p) => p.x)
  const ys = points.map((p) => p.y)
  const near = 24
  if (placed && placed.x >= Math.min(...xs) - near && placed.x <= Math.max(...xs) + near && placed.y >= Math.min(...ys) - near && placed.y <= Math.max(...ys) + near) {
    return placed
  }
  let best = { length: -1, at: midpoint(points) }
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point
    const b = points[i] as Point
    const length = Math.hypot(b.x - a.x, b.y - a.y)
    if (length > best.length) best = { length, at: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } }
  }
  return best.at
}
