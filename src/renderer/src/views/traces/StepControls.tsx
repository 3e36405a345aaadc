import { useEffect } from 'react'
import { tracesSelectors } from '../../stores/traces-selectors'
import { setPlaying, stepFirst, stepLast, stepNext, stepPrev, stepTo, useTracesStore } from '../../stores/traces-store'

/** Time between hops while playing. */
export const PLAY_INTERVAL_MS = 700

/** First / prev / next / last, a slider over the hops, and play. */
export function StepControls() {
  const hopIndex = useTracesStore((s) => s.hopIndex)
  const count = useTracesStore(tracesSelectors.hopCount)
  const playing = useTracesStore((s) => s.playing)
  useEffect(() => {
    if (!playing) return
    const timer = window.setInterval(() => {
      if (!stepNext()) setPlaying(false)
    }, PLAY_INTERVAL_MS)
    return () => window.clearInterval(timer)
  }, [playing])
  if (count === 0) return null
  return (
    <div className="op-step-controls" role="group" aria-label="Step through hops">
      <button type="button" onClick={stepFirst} disabled={hopIndex === 0}>
        First
      </button>
      <button type="button" onClick={stepPrev} disabled={hopIndex === 0}>
        Prev
      </button>
      <button type="button" onClick={() => setPlaying(!playing)}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={() => stepNext()} disabled={hopIndex >= count - 1}>
        Next
      </button>
      <button type="button" onClick={stepLast} disabled={hopIndex >= count - 1}>
        Last
      </button>
      <input
        type="range"
        aria-label="Hop"
        min={0}
        max={count - 1}
        value={hopIndex}
        onChange={(e) => stepTo(Number(e.target.value))}
      />
      <span data-testid="hop-position">
        Hop {hopIndex + 1} of {count}
      </span>
    </div>
  )
}
