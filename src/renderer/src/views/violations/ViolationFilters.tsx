import { useMemo } from 'react'
import { VIOLATION_KINDS, violationsSelectors } from '../../stores/violations-selectors'
import { setViolationFilter, useViolationsStore } from '../../stores/violations-store'

/** Kind, role and id/text filters over the violations held; says how many are shown. */
export function ViolationFilters() {
  const violations = useViolationsStore((s) => s.violations)
  const filter = useViolationsStore((s) => s.filter)
  const roles = useMemo(() => violationsSelectors.roles(violations), [violations])
  const shown = useMemo(() => violationsSelectors.filtered(violations, filter).length, [violations, filter])
  return (
    <div className="violation-filters" data-testid="violation-filters">
      <label className="op-inline-form">
        Kind
        <select aria-label="Filter by kind" value={filter.kind} onChange={(e) => setViolationFilter({ kind: e.target.value })}>
          <option value="">all</option>
          {VIOLATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label className="op-inline-form">
        Role
        <select aria-label="Filter by role" value={filter.role} onChange={(e) => setViolationFilter({ role: e.target.value })}>
          <option value="">all</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <input aria-label="Filter by id or text" placeholder="message / conversation id prefix, or text" value={filter.text} onChange={(e) => setViolationFilter({ text: e.target.value })} size={36} />
      <span className="op-note" data-testid="violations-shown">
        {shown} of {violations.length} shown · click a row to open its trace
      </span>
    </div>
  )
}
