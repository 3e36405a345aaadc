/** A visible, announced error line; renders nothing without a message. */
export function ErrorNote({ message }: { message: string | null | undefined }) {
  if (!message) return null
  return (
    <p className="op-error" role="alert">
      {message}
    </p>
  )
}
