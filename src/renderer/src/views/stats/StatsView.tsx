import { useEffect, useMemo } from 'react'
import { ErrorNote } from '../../components/operator/ErrorNote'
import { TimeSeriesChart } from '../../components/operator/TimeSeriesChart'
import { ViewFrame } from '../../components/operator/ViewFrame'
import { statsSelectors } from '../../stores/stats-selectors'
import { startStatsFeed, useStatsStore } from '../../stores/stats-store'

const HEALTH_SERIES = ['errors', 'violations', 'deadLetters']

/** Live statistics: throughput per role, latency per hop, errors / violations / dead letters. */
export function StatsView() {
  useEffect(() => startStatsFeed(), [])
  const points = useStatsStore((s) => s.points)
  const error = useStatsStore((s) => s.error)
  const roles = useMemo(() => statsSelectors.roles(points), [points])
  const throughput = useMemo(() => statsSelectors.throughputRows(points), [points])
  const latency = useMemo(() => statsSelectors.latencyRows(points), [points])
  const health = useMemo(() => statsSelectors.healthRows(points), [points])
  return (
    <ViewFrame id="stats" title="Statistics">
      <ErrorNote message={error} />
      <div className="op-charts">
        <TimeSeriesChart title="Throughput per role" rows={throughput} series={roles} unit="/s" />
        <TimeSeriesChart title="Latency per hop" rows={latency} series={roles} unit=" ms" />
        <TimeSeriesChart title="Errors, violations, dead letters" rows={health} series={HEALTH_SERIES} kind="bar" />
      </div>
    </ViewFrame>
  )
}
