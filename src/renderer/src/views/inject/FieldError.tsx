/** An error under a form field, in the app's style (forms are noValidate: no native bubbles). */
export function FieldError({ field, errors }: { field: string; errors: Record<string, string> }) {
  const message = errors[field]
  if (!message) return null
  return (
    <span className="field-error" id={`error-${field}`} data-field-error={field} role="alert">
      {message}
    </span>
  )
}

/** aria props tying an input to its error line. */
export const invalidProps = (field: string, errors: Record<string, string>) =>
  errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `error-${field}` } : {}
