/** "12 s ago", "5 min ago", "in 3 s": the coarse age an operator reads at a glance. Pure. */
export function relativeTime(ms: number, nowMs: number): string {
  const diff = nowMs - ms
  const abs = Math.abs(diff)
  const unit = abs < 60_000 ? [1000, 's'] : abs < 3_600_000 ? [60_000, 'min'] : abs < 86_400_000 ? [3_600_000, 'h'] : [86_400_000, 'd']
  const n = Math.floor(abs / (unit[0] as number))
  if (abs < 1000) return 'now'
  return diff >= 0 ? `${n} ${unit[1]} ago` : `in ${n} ${unit[1]}`
}
