import { dismissToast, useToastStore } from './toasts'

/** The corner where action results appear; each toast can be dismissed. */
export function Toaster() {
  const toasts = useToastStore((s) => s.toasts)
  return (
    <div className="toaster" aria-live="polite" data-testid="toasts">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span>{t.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => dismissToast(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
