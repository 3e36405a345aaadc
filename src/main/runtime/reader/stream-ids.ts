// Comparing and stepping stream ids.
/** Stream ids compare as (ms, seq) pairs; both parts fit in a double for any real stream. */
export function compareStreamIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number)
  const [bm = 0, bs = 0] = b.split('-').map(Number)
  return am - bm || as - bs
}

/** The smallest id greater than `id`. */
export function nextStreamId(id: string): string {
  const [ms = '0', seq = '0'] = id.split('-')
  return `${ms}-${Number(seq) + 1}`
}

export function minStreamId(ids: string[]): string | null {
  let min: string | null = null
  for (const id of ids) if (min === null || compareStreamIds(id, min) < 0) min = id
  return min
}
