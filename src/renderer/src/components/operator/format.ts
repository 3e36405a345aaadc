/** Small display helpers shared by the operator views. Pure, no DOM. */

/** Milliseconds of a stream id's time part (`1700000000000-3` → 1700000000000). */
export function idTimeMs(id: string): number {
  const ms = Number(id.split('-')[0])
  return Number.isFinite(ms) ? ms : 0
}

/** Compares two stream ids numerically (ms, then sequence). */
export function compareIds(a: string, b: string): number {
  const [aMs = '0', aSeq = '0'] = a.split('-')
  const [bMs = '0', bSeq = '0'] = b.split('-')
  const byMs = Number(aMs) - Number(bMs)
  return byMs !== 0 ? Math.sign(byMs) : Math.sign(Number(aSeq) - Number(bSeq))
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–'
  if (ms < 1) return `${Math.round(ms * 1000)} µs`
  if (ms < 10) return `${ms.toFixed(1)} ms`
  if (ms < 1000) return `${Math.round(ms)} ms`
  const s = ms / 1000
  if (s < 60) return `${s.toFixed(s < 10 ? 2 : 1)} s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`
  const h = Math.floor(m / 60)
  return `${h} h ${m % 60} min`
}

export function formatRate(perSec: number): string {
  if (perSec <= 0) return ''
  return perSec >= 100 ? `${Math.round(perSec)}/s` : `${perSec.toFixed(1)}/s`
}

/**
 * Timestamps come as seconds (the envelope's Python-style time.time()) or as
 * ms; anything below 10^11 cannot be ms of a real date, so it is seconds.
 */
export function toMs(ts: number): number {
  return ts < 1e11 ? ts * 1000 : ts
}

export function formatTime(ms: number): string {
  const d = new Date(ms)
  return `${d.toLocaleTimeString(undefined, { hour12: false })}.${String(d.getMilliseconds()).padStart(3, '0')}`
}

export function formatDateTime(ms: number): string {
  return `${new Date(ms).toLocaleDateString()} ${formatTime(ms)}`
}

/** The message of anything thrown (ApiCallError keeps its code in front). */
export function errorText(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as Error & { code?: unknown }).code
    return typeof code === 'string' ? `${code}: ${err.message}` : err.message
  }
  return String(err)
}
