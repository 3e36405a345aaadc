import type { z } from 'zod'

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; message: string }

/**
 * Parses untrusted input at a boundary. The message names every path that
 * failed, e.g. `payload.text: expected string, received number`.
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): ParseOutcome<z.output<S>> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return { ok: true, value: parsed.data }
  const message = parsed.error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ')
  return { ok: false, message }
}
