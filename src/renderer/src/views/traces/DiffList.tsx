import type { DiffOp } from '@shared/api'

const show = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value))

/** What changed since the hop before, as the main side computed it. */
export function DiffList({ ops }: { ops: DiffOp[] }) {
  if (ops.length === 0) return <p className="op-note">No change from the hop before.</p>
  return (
    <ul className="op-diff" aria-label="Changes from the hop before">
      {ops.map((op, i) => (
        <li key={`${op.path}-${i}`} className={`op-diff-${op.op}`}>
          <code>{op.op}</code> <code>{op.path}</code>{' '}
          {op.op !== 'add' ? <del>{show(op.before)}</del> : null}
          {op.op === 'replace' ? ' → ' : null}
          {op.op !== 'remove' ? <ins>{show(op.after)}</ins> : null}
        </li>
      ))}
    </ul>
  )
}
