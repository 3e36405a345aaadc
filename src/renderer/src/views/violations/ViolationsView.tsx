import { useEffect, useMemo } from 'react'
import { ErrorNote } from '../../components/operator/ErrorNote'
import { TimeSeriesChart } from '../../components/operator/TimeSeriesChart'
import { ViewFrame } from '../../components/operator/ViewFrame'
import { VIOLATION_KINDS, violationsSelectors } from '../../stores/violations-selectors'
import { startViolationsFeed, useViolationsStore } from '../../stores/violations-store'
import { ViolationCounts } from './ViolationCounts'
import { ViolationFilters } from './ViolationFilters'
import { ViolationsTable } from './ViolationsTable'

const BUCKET_MS = 60_000
const KIND_SERIES = [...VIOLATION_KINDS]

/** Safety-limit violations: counts by kind and role, counts per minute, the list. */
export function ViolationsView() {
  useEffect(() => startViolationsFeed(), [])
  const violations = useViolationsStore((s) => s.violations)
  const countsByKind = useViolationsStore((s) => s.countsByKind)
  const countsByRole = useViolationsStore((s) => s.countsByRole)
  const error = useViolationsStore((s) => s.error)
  const total = useViolationsStore(violationsSelectors.total)
  const buckets = useMemo(() => violationsSelectors.overTime(violations, BUCKET_MS), [violations])
  return (
    <ViewFrame id="violations" title="Violations" offline="The violations already loaded can still be filtered and opened; new ones arrive when Redis is back.">
      <ErrorNote message={error} />
      <p data-testid="violations-total">{total} violations</p>
      <div className="op-row">
        <ViolationCounts title="By kind" counts={countsByKind} />
        <ViolationCounts title="By role" counts={countsByRole} />
        <TimeSeriesChart title="Violations per minute" rows={buckets} series={KIND_SERIES} kind="bar" />
      </div>
      <ViolationFilters />
      <ViolationsTable />
    </ViewFrame>
  )
}
