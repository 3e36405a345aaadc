/** Shown when no transport can be set up (e.g. the page was opened without its token). */
export function BootError({ message }: { message: string }) {
  return (
    <div className="boot-error" role="alert">
      <h1>Switchyard cannot start</h1>
      <p>{message}</p>
    </div>
  )
}
