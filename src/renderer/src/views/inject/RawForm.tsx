import { editRawDraft, sendRaw, useInjectStore } from '../../stores/inject-store'
import { useTopologyStore } from '../../stores/topology-store'
import { FieldError, invalidProps } from './FieldError'
import { noReaderWarning } from './target-checks'

/** Raw name/value fields (seed 000's flat entries) to any stream, new or not. */
export function RawForm() {
  const draft = useInjectStore((s) => s.rawDraft)
  const errors = useInjectStore((s) => s.errors)
  const sending = useInjectStore((s) => s.sending)
  const snapshot = useTopologyStore((s) => s.snapshot)
  const warning = noReaderWarning(draft.stream.trim(), snapshot)
  const setRow = (i: number, patch: Partial<{ name: string; value: string }>) =>
    editRawDraft({ rows: draft.rows.map((row, j) => (j === i ? { ...row, ...patch } : row)) })
  return (
    <form className="form" noValidate onSubmit={(e) => (e.preventDefault(), void sendRaw())} data-testid="raw-form">
      <div className="row">
        <label>
          Stream
          <input name="rawStream" list="known-streams" value={draft.stream} onChange={(e) => editRawDraft({ stream: e.target.value })} {...invalidProps('stream', errors)} />
          <datalist id="known-streams">
            {(snapshot?.streams ?? []).map((s) => (
              <option key={s.key} value={s.key} />
            ))}
          </datalist>
          <FieldError field="stream" errors={errors} />
        </label>
        <label>
          Copies
          <input name="rawCopies" inputMode="numeric" value={draft.copies} onChange={(e) => editRawDraft({ copies: e.target.value })} {...invalidProps('copies', errors)} />
          <FieldError field="copies" errors={errors} />
        </label>
      </div>
      {warning ? <p className="warning" data-testid="no-reader-warning">{warning}</p> : null}
      <div className="field-rows" aria-label="Fields">
        {draft.rows.map((row, i) => (
          <div className="row" key={i} data-field-row={i}>
            <input aria-label={`Field ${i + 1} name`} name={`field-name-${i}`} placeholder="name" value={row.name} onChange={(e) => setRow(i, { name: e.target.value })} {...invalidProps(`row-${i}`, errors)} />
            <input aria-label={`Field ${i + 1} value`} name={`field-value-${i}`} placeholder="value" value={row.value} onChange={(e) => setRow(i, { value: e.target.value })} />
            <button type="button" aria-label={`Remove field ${i + 1}`} disabled={draft.rows.length === 1} onClick={() => editRawDraft({ rows: draft.rows.filter((_, j) => j !== i) })}>
              −
            </button>
            <FieldError field={`row-${i}`} errors={errors} />
          </div>
        ))}
        <div>
          <button type="button" onClick={() => editRawDraft({ rows: [...draft.rows, { name: '', value: '' }] })}>
            + Field
          </button>
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={sending}>
          {sending ? 'Adding…' : 'Add entry'}
        </button>
      </div>
    </form>
  )
}
