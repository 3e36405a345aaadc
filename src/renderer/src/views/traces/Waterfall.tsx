import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef } from 'react'
import { formatDuration } from '../../components/operator/format'
import { tracesSelectors } from '../../stores/traces-selectors'
import { stepTo, useTracesStore } from '../../stores/traces-store'

const ROW_HEIGHT = 26

/** One bar per hop (start and duration from the envelope's trace), virtualized for long traces. */
export function Waterfall() {
  const trace = useTracesStore(tracesSelectors.currentTrace)
  const hopIndex = useTracesStore((s) => s.hopIndex)
  const bars = useMemo(() => (trace ? tracesSelectors.waterfall(trace) : []), [trace])
  const span = useMemo(() => tracesSelectors.span(bars) || 1, [bars])
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: bars.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  })
  useEffect(() => {
    if (bars.length > 0) virtualizer.scrollToIndex(hopIndex, { align: 'auto' })
  }, [hopIndex, bars.length, virtualizer])

  return (
    <div className="op-waterfall" ref={scrollRef} data-testid="waterfall" role="listbox" aria-label="Hops">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const bar = bars[item.index]
          if (!bar) return null
          const current = item.index === hopIndex
          return (
            <div
              key={item.key}
              role="option"
              aria-selected={current}
              data-hop={item.index}
              className={`op-hop${current ? ' op-selected' : ''}${bar.error ? ' op-hop-error' : ''}${bar.violation ? ' op-hop-violation' : ''}${bar.replayed ? ' op-hop-replayed' : ''}`}
              style={{ position: 'absolute', top: item.start, height: ROW_HEIGHT, left: 0, right: 0 }}
              onClick={() => stepTo(item.index)}
            >
              <span className="op-hop-label">
                {item.index + 1}. {bar.role}
                {bar.replayed ? <em className="replayed-mark" title="sent again by a replay"> ↻ replayed</em> : null}
              </span>
              <span className="op-hop-track">
                <span
                  className="op-hop-bar"
                  style={{ left: `${(bar.offsetSec / span) * 100}%`, width: `max(2px, ${(bar.durationSec / span) * 100}%)` }}
                />
              </span>
              <span className="op-hop-duration">{formatDuration(bar.durationSec * 1000)}</span>
            </div>
          )
        })}
      </div>
    </div>
  )
}
