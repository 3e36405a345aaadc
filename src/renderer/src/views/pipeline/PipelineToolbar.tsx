import { useState } from 'react'
import type { EdgeThresholds } from '../../stores/topology-graph-store'
import { setThreshold, useTopologyGraphStore } from '../../stores/topology-graph-store'
import type { PipelineGroup } from './pipeline-groups'

const FIELDS: Array<{ key: keyof EdgeThresholds; label: string }> = [
  { key: 'lagWarn', label: 'Lag: amber from' },
  { key: 'lagBad', label: 'Lag: red from' },
  { key: 'pendingWarn', label: 'Pending: amber from' },
  { key: 'pendingBad', label: 'Pending: red from' },
]

/** Zoom to one pipeline or to all, and the thresholds that colour group edges (kept in this browser). */
export function PipelineToolbar({ groups, onZoom, onFitAll }: { groups: PipelineGroup[]; onZoom: (id: string) => void; onFitAll: () => void }) {
  const thresholds = useTopologyGraphStore((s) => s.thresholds)
  const [open, setOpen] = useState(false)
  return (
    <div className="op-actions op-graph-toolbar">
      <label className="op-inline-form">
        Zoom to
        <select aria-label="Zoom to pipeline" value="" onChange={(e) => e.target.value && onZoom(e.target.value)}>
          <option value="">a pipeline…</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={onFitAll}>
        Whole graph
      </button>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Thresholds…
      </button>
      {open ? (
        <div className="op-thresholds" role="group" aria-label="Edge thresholds">
          {FIELDS.map(({ key, label }) => (
            <label key={key} className="op-inline-form">
              {label}
              <input type="number" min={0} value={thresholds[key]} onChange={(e) => setThreshold(key, Number(e.target.value))} style={{ width: 80 }} />
            </label>
          ))}
        </div>
      ) : null}
    </div>
  )
}
