import { create } from 'zustand'
import type { InjectTemplate, ResponseOf } from '@shared/api'
import { call } from '../api/client'
import { errorText } from '../components/operator/format'
import { showToast } from '../components/operator/toasts'
import { DEFAULT_DRAFT, draftFromTemplate, parseDraft, type InjectDraft } from '../views/inject/inject-form'
import { DEFAULT_RAW_DRAFT, parseRawDraft, rawDraftFromTemplate, type RawDraft } from '../views/inject/raw-form'
import { connectionSelectors, useConnectionStore } from './connection-store'
import { useTopologyStore } from './topology-store'

export type InjectMode = 'envelope' | 'raw'

/**
 * The Inject form lives here, not in the view, so what the operator wrote is
 * still there after a send and after visiting another view.
 */
export interface InjectState {
  mode: InjectMode
  templates: InjectTemplate[]
  draft: InjectDraft
  rawDraft: RawDraft
  errors: Record<string, string>
  sending: boolean
  answer: ResponseOf<'inject.envelope'> | null
  rawAnswer: { stream: string; ids: string[] } | null
  sendError: string | null
}

const initial: InjectState = {
  mode: 'envelope',
  templates: [],
  draft: DEFAULT_DRAFT,
  rawDraft: DEFAULT_RAW_DRAFT,
  errors: {},
  sending: false,
  answer: null,
  rawAnswer: null,
  sendError: null,
}

export const useInjectStore = create<InjectState>(() => initial)
const set = useInjectStore.setState
const get = useInjectStore.getState

/** Says what happened in words; connection trouble never shows as raw client text. */
function sendErrorText(err: unknown): string {
  const state = connectionSelectors.badgeText(useConnectionStore.getState().status)
  const code = (err as { code?: unknown }).code
  if (state !== 'connected' || code === 'not_connected') return 'Redis is not connected: nothing was sent. Your message is kept; send it again once the badge says connected.'
  return errorText(err)
}

export async function loadTemplates(): Promise<void> {
  try {
    set({ templates: await call('inject.templates', {}) })
  } catch {
    set({ templates: [] })
  }
}

export function setMode(mode: InjectMode): void {
  set({ mode, errors: {} })
}

export function editDraft(patch: Partial<InjectDraft>): void {
  set({ draft: { ...get().draft, ...patch } })
}

export function editRawDraft(patch: Partial<RawDraft>): void {
  set({ rawDraft: { ...get().rawDraft, ...patch } })
}

/** A template fills the envelope form or the raw form, whichever it is for. */
export function pickTemplate(id: string): void {
  const { templates, draft, rawDraft } = get()
  const template = templates.find((t) => t.id === id)
  if (!template) return set({ draft: { ...draft, templateId: '' } })
  const nextDraft = draftFromTemplate(template, draft)
  if (nextDraft) return set({ draft: nextDraft, mode: 'envelope', errors: {} })
  const nextRaw = rawDraftFromTemplate(template, rawDraft)
  if (nextRaw) set({ rawDraft: nextRaw, mode: 'raw', errors: {} })
}

export async function sendEnvelope(): Promise<void> {
  const { draft, templates } = get()
  const parsed = parseDraft(draft, { templates, snapshot: useTopologyStore.getState().snapshot })
  set({ errors: parsed.ok ? {} : parsed.errors })
  if (!parsed.ok) return
  set({ sending: true, sendError: null, answer: null, rawAnswer: null })
  try {
    const answer = await call('inject.envelope', parsed.args)
    set({ answer })
    const got = answer.results.filter(Boolean).length
    showToast(`Sent ${answer.messageIds.length} message(s)${parsed.args.waitMs ? `, ${got} result(s)` : ''}`)
  } catch (err) {
    set({ sendError: sendErrorText(err) })
    showToast('Inject failed', 'error')
  } finally {
    set({ sending: false })
  }
}

export async function sendRaw(): Promise<void> {
  const parsed = parseRawDraft(get().rawDraft)
  set({ errors: parsed.ok ? {} : parsed.errors })
  if (!parsed.ok) return
  set({ sending: true, sendError: null, answer: null, rawAnswer: null })
  try {
    const { ids } = await call('streams.add', parsed.args)
    set({ rawAnswer: { stream: parsed.args.stream, ids } })
    showToast(`Added ${ids.length} entr${ids.length === 1 ? 'y' : 'ies'} to ${parsed.args.stream}`)
  } catch (err) {
    set({ sendError: sendErrorText(err) })
    showToast('Add failed', 'error')
  } finally {
    set({ sending: false })
  }
}
