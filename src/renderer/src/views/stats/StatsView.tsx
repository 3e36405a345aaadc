import { useEffect, useMemo } from 'react'
import { ErrorNote } from '../../components/operator/ErrorNote'
import { TimeSeriesChart } from '../../components/operator/TimeSeriesChart'
import { ViewFrame } from '../../components/operator/ViewFrame'
import { downsample, statsSelectors } from '../../stores/stats-selectors'
import { setStatsWindow, startStatsFeed, STATS_WINDOWS, useStatsStore } from '../../stores/stats-store'

const HEALTH_SERIES = ['errors', 'violations', 'deadLetters']

/** Statistics of every worker (from the shared journal): throughput, latency, errors; a chosen time window; gaps as gaps. */
export function StatsView() {
  useEffect(() => startStatsFeed(), [])
  const all = useStatsStore((s) => s.points)
  const windowSec = useStatsStore((s) => s.windowSec)
  const error = useStatsStore((s) => s.error)
  const points = useMemo(() => downsample(statsSelectors.inWindow(all, windowSec)), [all, windowSec])
  const roles = useMemo(() => statsSelectors.roles(points), [points])
  const throughput = useMemo(() => statsSelectors.throughputRows(points), [points])
  const latency = useMemo(() => statsSelectors.latencyRows(points), [points])
  const health = useMemo(() => statsSelectors.healthRows(points), [points])
  const toolbar = (
    <span role="radiogroup" aria-label="Time window" className="op-inline-form">
      {STATS_WINDOWS.map((w) => (
        <button key={w.sec} type="button" role="radio" aria-checked={w.sec === windowSec} className={w.sec === windowSec ? 'op-primary' : undefined} onClick={() => setStatsWindow(w.sec)}>
          {w.label}
        </button>
      ))}
    </span>
  )
  return (
    <ViewFrame id="stats" title="Statistics" toolbar={toolbar} offline="The points already loaded stay on the charts; a gap shows the time Redis was away.">
      <ErrorNote message={error} />
      <p className="op-note">Counted from the shared journal, so hops of every worker on this Redis are included. A break in a line is a time with no samples.</p>
      <div className="op-charts">
        <TimeSeriesChart title="Throughput per role" rows={throughput} series={roles} unit="/s" />
        <TimeSeriesChart title="Latency per hop" rows={latency} series={roles} unit=" ms" />
        <TimeSeriesChart title="Errors, violations, dead letters" rows={health} series={HEALTH_SERIES} kind="bar" />
      </div>
    </ViewFrame>
  )
}
