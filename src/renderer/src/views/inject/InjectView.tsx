import { useEffect, useState } from 'react'
import type { InjectTemplate, ResponseOf } from '../../../../shared/api'
import { call } from '../../api/client'
import { messageOf } from '../field-errors'
import { DEFAULT_DRAFT, draftFromTemplate, parseDraft, type InjectDraft } from './inject-form'
import { InjectResult } from './InjectResult'

/** Compose a test envelope, send it to a role or agent, and wait for its result. */
export function InjectView() {
  const [templates, setTemplates] = useState<InjectTemplate[]>([])
  const [draft, setDraft] = useState<InjectDraft>(DEFAULT_DRAFT)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [sending, setSending] = useState(false)
  const [answer, setAnswer] = useState<ResponseOf<'inject.envelope'> | null>(null)
  const [sendError, setSendError] = useState<string | null>(null)

  useEffect(() => {
    call('inject.templates', {}).then(setTemplates).catch(() => setTemplates([]))
  }, [])
  const set = (patch: Partial<InjectDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const pickTemplate = (id: string) => {
    const template = templates.find((t) => t.id === id)
    const next = template && draftFromTemplate(template)
    if (next) setDraft(next)
  }

  const send = async () => {
    const parsed = parseDraft(draft)
    setErrors(parsed.ok ? {} : parsed.errors)
    if (!parsed.ok) return
    setSending(true)
    setSendError(null)
    setAnswer(null)
    try {
      setAnswer(await call('inject.envelope', parsed.args))
    } catch (error) {
      setSendError(messageOf(error))
    } finally {
      setSending(false)
    }
  }

  const envelopeTemplates = templates.filter((t) => t.envelope)
  return (
    <section data-view="inject" className="view">
      <h2>Inject</h2>
      <form className="form" onSubmit={(e) => (e.preventDefault(), void send())}>
        <label>
          Template
          <select name="template" defaultValue="" onChange={(e) => pickTemplate(e.target.value)}>
            <option value="">(compose by hand)</option>
            {envelopeTemplates.map((t) => (
              <option key={t.id} value={t.id} title={t.description}>{t.name}</option>
            ))}
          </select>
        </label>
        <div className="row">
          <label>
            Target
            <select name="targetKind" value={draft.targetKind} onChange={(e) => set({ targetKind: e.target.value as 'role' | 'agent' })}>
              <option value="role">role</option>
              <option value="agent">agent</option>
            </select>
          </label>
          <label>
            Name
            <input name="targetName" value={draft.targetName} onChange={(e) => set({ targetName: e.target.value })} />
            {errors.target && <span className="field-error" data-field-error="target">{errors.target}</span>}
          </label>
          <label>
            Copies
            <input name="copies" type="number" min={1} value={draft.copies} onChange={(e) => set({ copies: e.target.value })} />
            {errors.copies && <span className="field-error" data-field-error="copies">{errors.copies}</span>}
          </label>
          <label>
            Wait (ms)
            <input name="waitMs" type="number" min={0} value={draft.waitMs} onChange={(e) => set({ waitMs: e.target.value })} />
            {errors.waitMs && <span className="field-error" data-field-error="waitMs">{errors.waitMs}</span>}
          </label>
        </div>
        <label>
          Payload (JSON)
          <textarea name="payload" rows={6} spellCheck={false} value={draft.payloadText} onChange={(e) => set({ payloadText: e.target.value })} />
          {errors.payload && <span className="field-error" data-field-error="payload">{errors.payload}</span>}
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={sending}>{sending ? 'Waiting…' : 'Send'}</button>
        </div>
      </form>
      {sendError && <p className="error" role="alert">{sendError}</p>}
      {answer && (
        <div className="results" data-testid="inject-results">
          {answer.messageIds.map((id, i) => (
            <InjectResult key={id} messageId={id} envelope={answer.results[i] ?? null} />
          ))}
        </div>
      )}
    </section>
  )
}
