import type { InjectTemplate, RequestInput } from '@shared/api'
import { COPIES_MAX, wholeNumberError } from './inject-form'

export interface FieldRow {
  name: string
  value: string
}

export interface RawDraft {
  stream: string
  rows: FieldRow[]
  copies: string
}

export const DEFAULT_RAW_DRAFT: RawDraft = { stream: '', rows: [{ name: '', value: '' }], copies: '1' }

export function rawDraftFromTemplate(template: InjectTemplate, current: RawDraft): RawDraft | null {
  if (!template.raw) return null
  return { ...current, stream: template.raw.stream, rows: Object.entries(template.raw.fields).map(([name, value]) => ({ name, value })) }
}

type RawArgs = RequestInput<'streams.add'>
export type RawOutcome = { ok: true; args: RawArgs } | { ok: false; errors: Record<string, string> }

/** Field errors keyed `stream`, `copies`, `row-<i>` (a row's name), all at once. */
export function parseRawDraft(draft: RawDraft): RawOutcome {
  const errors: Record<string, string> = {}
  const stream = draft.stream.trim()
  if (!stream) errors.stream = 'name the stream to write to'
  else if (stream.length > 512) errors.stream = 'the stream name is longer than 512 characters'
  const copies = wholeNumberError('copies', draft.copies, 1, COPIES_MAX)
  if (copies) errors.copies = copies
  const fields: Record<string, string> = {}
  const seen = new Set<string>()
  draft.rows.forEach((row, i) => {
    const name = row.name.trim()
    if (!name && !row.value) return // an empty row is left out
    if (!name) errors[`row-${i}`] = 'a field needs a name'
    else if (seen.has(name)) errors[`row-${i}`] = `field "${name}" is given twice`
    seen.add(name)
    if (name) fields[name] = row.value
  })
  if (Object.keys(fields).length === 0 && !Object.keys(errors).some((k) => k.startsWith('row-'))) errors['row-0'] = 'give at least one field'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, args: { stream, fields, copies: Number(draft.copies) } }
}
