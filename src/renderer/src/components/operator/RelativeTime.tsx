import { useEffect, useState } from 'react'
import { formatDateTime } from './format'
import { relativeTime } from './relative-time'

/** Re-render ages this often, in ms. */
const TICK_MS = 5_000

/** The age of a moment, with the absolute date and time on hover. */
export function RelativeTime({ ms }: { ms: number }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS)
    return () => clearInterval(timer)
  }, [])
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatDateTime(ms)}>
      {relativeTime(ms, now)}
    </time>
  )
}
