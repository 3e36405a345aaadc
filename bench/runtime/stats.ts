export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] ?? Number.NaN
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50)
}

/** "12,345 (spread 11,900–12,800, ±3.6%)": the median and how far the runs were apart. */
export function withSpread(values: number[], digits = 0): string {
  const m = median(values)
  const min = Math.min(...values)
  const max = Math.max(...values)
  const pct = m ? (Math.max(max - m, m - min) / m) * 100 : 0
  const fmt = (v: number): string => v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
  return `${fmt(m)} (runs ${values.map(fmt).join(', ')}; ±${pct.toFixed(1)}%)`
}
