import { requestSchemas, type InjectTemplate, type RequestInput, type TopologySnapshot } from '@shared/api'
import { fieldErrors } from '../field-errors'
import { payloadSchemaError, templateFor, unknownTargetError } from './target-checks'

export interface InjectDraft {
  templateId: string
  targetKind: 'role' | 'agent'
  targetName: string
  payloadText: string
  copies: string
  waitMs: string
}

export const DEFAULT_DRAFT: InjectDraft = {
  templateId: '',
  targetKind: 'role',
  targetName: 'manager',
  payloadText: JSON.stringify({ text: 'Hello, world!', stage: 'start' }, null, 2),
  copies: '1',
  waitMs: '10000',
}

export function draftFromTemplate(template: InjectTemplate, current: InjectDraft): InjectDraft | null {
  if (!template.envelope) return null
  return {
    ...current,
    templateId: template.id,
    targetKind: template.envelope.target.kind,
    targetName: template.envelope.target.name,
    payloadText: JSON.stringify(template.envelope.payload, null, 2),
  }
}

export const COPIES_MAX = 10_000
export const WAIT_MS_MAX = 120_000

/** A whole number in [min, max], or the sentence that says why not. */
export function wholeNumberError(field: string, text: string, min: number, max: number): string | null {
  const value = Number(text.trim())
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    return `${field} must be a whole number from ${min} to ${max}${text.trim() ? ` (not ${text.trim()})` : ''}`
  }
  return null
}

type InjectArgs = RequestInput<'inject.envelope'>
export type DraftOutcome = { ok: true; args: InjectArgs } | { ok: false; errors: Record<string, string> }

export interface DraftContext {
  templates: InjectTemplate[]
  snapshot: TopologySnapshot | null
}

/** Checks every field (all errors at once), then the request's own schema, so the form shows what main would. */
export function parseDraft(draft: InjectDraft, context: DraftContext = { templates: [], snapshot: null }): DraftOutcome {
  const errors: Record<string, string> = {}
  const name = draft.targetName.trim()
  const copies = wholeNumberError('copies', draft.copies, 1, COPIES_MAX)
  const wait = wholeNumberError('wait', draft.waitMs, 0, WAIT_MS_MAX)
  if (copies) errors.copies = copies
  if (wait) errors.waitMs = wait
  if (!name) errors.target = 'name the role or agent to send to'
  const unknown = unknownTargetError(draft.targetKind, name, context.snapshot)
  if (unknown) errors.target = unknown
  let payload: unknown
  try {
    payload = JSON.parse(draft.payloadText)
  } catch (error) {
    errors.payload = `payload is not JSON: ${error instanceof Error ? error.message : String(error)}`
  }
  if (!errors.payload && (typeof payload !== 'object' || payload === null || Array.isArray(payload))) {
    errors.payload = 'payload must be a JSON object like {"text": "…"}'
  }
  if (!errors.payload) {
    const template = templateFor(context.templates, draft.templateId, draft.targetKind, name)
    const mismatch = template?.envelope ? payloadSchemaError(payload as Record<string, unknown>, template.envelope.payload) : null
    if (mismatch) errors.payload = `${mismatch}, as the template "${template?.name}" expects`
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const candidate = {
    target: { kind: draft.targetKind, name },
    envelope: { payload: payload as Record<string, unknown> },
    copies: Number(draft.copies),
    waitMs: Number(draft.waitMs),
  }
  const parsed = requestSchemas['inject.envelope'].safeParse(candidate)
  if (parsed.success) return { ok: true, args: candidate }
  const schemaErrors = fieldErrors(parsed.error)
  // The envelope's only user-written part is the payload.
  if (schemaErrors.envelope) schemaErrors.payload = schemaErrors.envelope
  return { ok: false, errors: schemaErrors }
}
