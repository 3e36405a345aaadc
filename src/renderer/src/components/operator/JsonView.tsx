import { useMemo } from 'react'

/** Upper bound of characters rendered, so a huge payload cannot freeze the page. */
export const MAX_JSON_CHARS = 200_000

/** Pretty JSON in a scrollable, selectable block. */
export function JsonView({ value, label }: { value: unknown; label: string }) {
  const text = useMemo(() => {
    const full = JSON.stringify(value, null, 2) ?? 'undefined'
    return full.length > MAX_JSON_CHARS
      ? `${full.slice(0, MAX_JSON_CHARS)}\n… (${full.length - MAX_JSON_CHARS} more characters)`
      : full
  }, [value])
  return (
    <pre className="op-json" aria-label={label} tabIndex={0}>
      {text}
    </pre>
  )
}
