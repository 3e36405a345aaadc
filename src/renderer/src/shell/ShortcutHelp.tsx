import { useEffect } from 'react'
import { GLOBAL_SHORTCUTS, VIEW_SHORTCUTS, type Shortcut } from './shortcuts'

function Rows({ items }: { items: Shortcut[] }) {
  return (
    <>
      {items.map((s) => (
        <tr key={s.keys}>
          <td>
            <kbd>{s.keys}</kbd>
          </td>
          <td>{s.what}</td>
        </tr>
      ))}
    </>
  )
}

/** The `?` overlay: every key the app answers to. */
export function ShortcutHelp({ views, onClose }: { views: Array<{ id: string; label: string }>; onClose: () => void }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' || event.key === '?') {
        event.preventDefault()
        onClose()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  const viewKeys = views.slice(0, 9).map((v, i) => ({ keys: String(i + 1), what: `open ${v.label}` }))
  return (
    <div className="op-backdrop" onClick={onClose}>
      <div className="op-dialog shortcut-help" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" onClick={(e) => e.stopPropagation()}>
        <h3>Keyboard shortcuts</h3>
        <table className="shortcut-table">
          <tbody>
            <Rows items={GLOBAL_SHORTCUTS} />
            <Rows items={viewKeys} />
          </tbody>
        </table>
        {Object.entries(VIEW_SHORTCUTS).map(([view, items]) => (
          <section key={view}>
            <h4>{view}</h4>
            <table className="shortcut-table">
              <tbody>
                <Rows items={items} />
              </tbody>
            </table>
          </section>
        ))}
        <div className="op-dialog-actions">
          <button type="button" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
    </div>
  )
}
