import { useInjectStore, editDraft, sendEnvelope } from '../../stores/inject-store'
import { useTopologyStore } from '../../stores/topology-store'
import { FieldError, invalidProps } from './FieldError'
import { knownRoles, noReaderWarning, targetStream } from './target-checks'

/** Compose an envelope for a role or agent stream. */
export function EnvelopeForm() {
  const draft = useInjectStore((s) => s.draft)
  const errors = useInjectStore((s) => s.errors)
  const sending = useInjectStore((s) => s.sending)
  const snapshot = useTopologyStore((s) => s.snapshot)
  const name = draft.targetName.trim()
  const warning = name ? noReaderWarning(targetStream(draft.targetKind, name), snapshot) : null
  return (
    <form className="form" noValidate onSubmit={(e) => (e.preventDefault(), void sendEnvelope())} data-testid="envelope-form">
      <div className="row">
        <label>
          Target
          <select name="targetKind" value={draft.targetKind} onChange={(e) => editDraft({ targetKind: e.target.value as 'role' | 'agent' })}>
            <option value="role">role</option>
            <option value="agent">agent</option>
          </select>
        </label>
        <label>
          Name
          <input name="targetName" list="known-roles" value={draft.targetName} onChange={(e) => editDraft({ targetName: e.target.value })} {...invalidProps('target', errors)} />
          <datalist id="known-roles">
            {knownRoles(snapshot).map((role) => (
              <option key={role} value={role} />
            ))}
          </datalist>
          <FieldError field="target" errors={errors} />
        </label>
        <label>
          Copies
          <input name="copies" inputMode="numeric" value={draft.copies} onChange={(e) => editDraft({ copies: e.target.value })} {...invalidProps('copies', errors)} />
          <FieldError field="copies" errors={errors} />
        </label>
        <label>
          Wait (ms)
          <input name="waitMs" inputMode="numeric" value={draft.waitMs} onChange={(e) => editDraft({ waitMs: e.target.value })} {...invalidProps('waitMs', errors)} />
          <FieldError field="waitMs" errors={errors} />
        </label>
      </div>
      {warning ? <p className="warning" data-testid="no-reader-warning">{warning}</p> : null}
      <label>
        Payload (JSON)
        <textarea name="payload" rows={6} spellCheck={false} value={draft.payloadText} onChange={(e) => editDraft({ payloadText: e.target.value })} {...invalidProps('payload', errors)} />
        <FieldError field="payload" errors={errors} />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={sending}>
          {sending ? 'Waiting…' : 'Send'}
        </button>
      </div>
    </form>
  )
}
