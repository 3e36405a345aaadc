import { create } from 'zustand'

/** Toasts shown at once; older ones leave first. */
export const MAX_TOASTS = 4
/** How long a toast stays, in ms (errors stay twice as long). */
export const TOAST_MS = 4_000

export type ToastKind = 'ok' | 'error' | 'info'
export interface Toast {
  id: number
  kind: ToastKind
  text: string
}

export const useToastStore = create<{ toasts: Toast[] }>(() => ({ toasts: [] }))
let nextId = 1

export function dismissToast(id: number): void {
  useToastStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }))
}

/** Announces the result of an action; plain function so stores and views can call it. */
export function showToast(text: string, kind: ToastKind = 'ok'): void {
  const id = nextId++
  useToastStore.setState((s) => ({ toasts: [...s.toasts, { id, kind, text }].slice(-MAX_TOASTS) }))
  setTimeout(() => dismissToast(id), kind === 'error' ? TOAST_MS * 2 : TOAST_MS)
}
