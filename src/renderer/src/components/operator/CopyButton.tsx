import { copyText } from './clipboard'

/** A small button beside an id or a JSON block that puts it on the clipboard. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  return (
    <button type="button" className="copy-button" title={`Copy ${what}`} aria-label={`Copy ${what}`} onClick={() => void copyText(text, what)}>
      copy
    </button>
  )
}
