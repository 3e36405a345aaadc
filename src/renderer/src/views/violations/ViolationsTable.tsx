import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef } from 'react'
import { toMs } from '../../components/operator/format'
import { openTrace } from '../../components/operator/navigate'
import { RelativeTime } from '../../components/operator/RelativeTime'
import { violationsSelectors } from '../../stores/violations-selectors'
import { useViolationsStore } from '../../stores/violations-store'

const ROW_HEIGHT = 28

/** The violations the filters keep, newest first, virtualized; a row opens its trace. */
export function ViolationsTable() {
  const all = useViolationsStore((s) => s.violations)
  const filter = useViolationsStore((s) => s.filter)
  const violations = useMemo(() => violationsSelectors.filtered(all, filter), [all, filter])
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: violations.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  })
  const items = virtualizer.getVirtualItems()
  const paddingTop = items[0]?.start ?? 0
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0)
  return (
    <div className="op-table-scroll" ref={scrollRef} data-testid="violations-table">
      <table className="op-table" aria-label="Violations">
        <thead>
          <tr>
            <th>Time</th>
            <th>Kind</th>
            <th>Role</th>
            <th>Agent</th>
            <th>Message id</th>
            <th>Hops</th>
            <th>Processing</th>
            <th>Age</th>
            <th>Message</th>
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 ? <tr style={{ height: paddingTop }} aria-hidden="true" /> : null}
          {items.map((item) => {
            const v = violations[item.index]
            if (!v) return null
            return (
              <tr
                key={v.id}
                data-violation-id={v.id}
                style={{ height: ROW_HEIGHT }}
                tabIndex={0}
                title="Open its trace"
                onClick={() => openTrace(v.messageId)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') openTrace(v.messageId)
                }}
              >
                <td>
                  <RelativeTime ms={toMs(v.ts)} />
                </td>
                <td>{v.kind}</td>
                <td>{v.role}</td>
                <td>{v.agentId}</td>
                <td>
                  <code>{v.messageId}</code>
                </td>
                <td>{v.processCount}</td>
                <td>{v.totalProcessingTime.toFixed(1)} s</td>
                <td>{v.ageSec.toFixed(0)} s</td>
                <td>{v.message}</td>
              </tr>
            )
          })}
          {paddingBottom > 0 ? <tr style={{ height: paddingBottom }} aria-hidden="true" /> : null}
        </tbody>
      </table>
    </div>
  )
}
