import { requestSchemas, type InjectTemplate, type RequestInput } from '../../../../shared/api'
import { fieldErrors } from '../field-errors'

export interface InjectDraft {
  targetKind: 'role' | 'agent'
  targetName: string
  payloadText: string
  copies: string
  waitMs: string
}

export const DEFAULT_DRAFT: InjectDraft = {
  targetKind: 'role',
  targetName: 'manager',
  payloadText: JSON.stringify({ text: 'Hello, world!', stage: 'start' }, null, 2),
  copies: '1',
  waitMs: '10000',
}

export function draftFromTemplate(template: InjectTemplate): InjectDraft | null {
  if (!template.envelope) return null
  return {
    ...DEFAULT_DRAFT,
    targetKind: template.envelope.target.kind,
    targetName: template.envelope.target.name,
    payloadText: JSON.stringify(template.envelope.payload, null, 2),
  }
}

type InjectArgs = RequestInput<'inject.envelope'>
export type DraftOutcome = { ok: true; args: InjectArgs } | { ok: false; errors: Record<string, string> }

/** Parses the form with the request's own schema, so the form shows the same errors main would. */
export function parseDraft(draft: InjectDraft): DraftOutcome {
  let payload: unknown
  try {
    payload = JSON.parse(draft.payloadText)
  } catch (error) {
    return { ok: false, errors: { payload: `payload is not JSON: ${error instanceof Error ? error.message : String(error)}` } }
  }
  const candidate = {
    target: { kind: draft.targetKind, name: draft.targetName.trim() },
    envelope: { payload },
    copies: Number(draft.copies),
    waitMs: Number(draft.waitMs),
  }
  const parsed = requestSchemas['inject.envelope'].safeParse(candidate)
  if (parsed.success) return { ok: true, args: candidate as InjectArgs }
  const errors = fieldErrors(parsed.error)
  // The envelope's only user-written part is the payload.
  if (errors.envelope) errors.payload = errors.envelope
  return { ok: false, errors }
}
